// The embedded executor's event API: where this app's Inngest client sends
// events (inngest.send, step.sendEvent) when no Inngest is configured.
import { embeddedRuntime } from "@/inngest/embedded";
import { workflowEngine } from "@/inngest/engine";
import { handleEventRequest } from "@/inngest/executor/event-api";
import { embeddedEventKey } from "@/inngest/keys";

export const dynamic = "force-dynamic";

export async function POST(request: Request, context: { params: Promise<{ key: string }> }) {
  const runtime = embeddedRuntime();
  if (workflowEngine().kind !== "embedded" || !runtime) {
    return Response.json({ error: "This app runs its workflows on Inngest; send events there.", status: 404 }, { status: 404 });
  }
  await runtime.ready.catch(() => undefined);
  const { key } = await context.params;
  return handleEventRequest(runtime.executor, request, key, embeddedEventKey());
}
