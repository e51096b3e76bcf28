// A sync is a PUT to the serve endpoint. Left to the SDK, a PUT that is not a
// signed in-band sync asks it to register the app with the engine itself (an
// "out-of-band" sync): on the embedded executor there is no such API, so
// anyone's bare PUT ended in a 500 that named internal addresses. Both engines
// sync in band with a signed PUT that carries a body (the embedded executor
// always; Inngest from its dashboard), so anything else is refused before the
// SDK sees it, and a bad signature is then refused by the SDK. Only Inngest's
// dev server, which signs nothing and never runs in production, is let through.
import { workflowEngine } from "@/inngest/engine";

export async function isUnsignedSync(request: Request, environment: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  if (environment.INNGEST_DEV && workflowEngine(environment).kind === "inngest") return false;
  if (!request.headers.get("x-inngest-signature") || request.headers.get("x-inngest-sync-kind") !== "in_band") return true;
  return (await request.clone().text()).trim() === "";
}

/** Says no more than the SDK's own answer to a bad signature. */
export function unauthorized(): Response {
  return Response.json({ message: "Unauthorized" }, { status: 401 });
}
