// The Inngest client. On real Inngest it reads INNGEST_* from the environment as
// usual. On the embedded executor it signs and verifies with keys derived from
// the auth secret, and sends events to this app's own event API.
import { Inngest } from "inngest";
import { env } from "@/server/env";
import { workflowEngine } from "./engine";
import { embeddedEventKey, embeddedSigningKey } from "./keys";

export const APP_ID = "crescendo";

/** Where the embedded executor reaches this app: the local server, never a public URL. */
export function localAppUrl(): string {
  return `http://127.0.0.1:${process.env.PORT ?? env.PORT}`;
}

function createClient(): Inngest {
  if (workflowEngine().kind === "inngest") return new Inngest({ id: APP_ID });
  // The SDK reads these options when it needs them, so the getters defer the
  // secret and the port (set by `next start`) until the server runs, not at build.
  return new Inngest({
    id: APP_ID,
    // Signed mode: every call to /api/inngest must carry the executor's signature.
    isDev: false,
    get signingKey() {
      return embeddedSigningKey();
    },
    get eventKey() {
      return embeddedEventKey();
    },
    get baseUrl() {
      return `${localAppUrl()}/api/executor/`;
    },
    // The embedded executor speaks the classic protocol; checkpointing needs Inngest's API.
    checkpointing: false,
  });
}

// One client per copy of this module, never shared through globalThis: the server bundles the SDK once per
// route chunk, and a client from one copy running functions whose event types come from another fails the
// SDK's own checks ("Invalid trigger" when a waited-for event arrives). A client holds no connection.
export const inngest: Inngest = createClient();
