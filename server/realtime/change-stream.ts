// A member's live changes as server-sent events: the changes to the asked-for
// topics in their active workspace, as they commit, on any instance. The session
// is checked as every request checks it, when the stream opens and again on every
// heartbeat: a stream whose session was revoked, or whose member left the
// workspace, ends (the browser's reconnection then meets a 401, or the workspace
// it is in now). The stream is written through as it goes: an opening comment
// gets the headers out at once, and the headers keep compression and proxies
// from holding events back.
import { z } from "zod";
import { logger } from "@/server/logger";
import type { ChangeHub, HubEvent } from "./change-hub";
import { CHANGE_TOPICS } from "./publish-change";

/** Who a stream is for: the signed-in person and the workspace they are working in. */
export interface StreamViewer {
  userId: string;
  workspaceId: string;
}

export interface ChangeStreamOptions {
  /** The process's hub (asked for only once the request is allowed). */
  hub: () => Promise<ChangeHub>;
  /** Who is asking, checked as every request is; null when signed out, revoked or in no workspace. */
  readViewer: () => Promise<StreamViewer | null>;
  /** How often a comment keeps the connection open and the viewer is checked again (the session cache's life is 30 s). */
  heartbeatMs?: number;
}

export const HEARTBEAT_MS = 25_000;
// How long a browser waits before reconnecting after the stream ends.
const RETRY_MS = 3_000;

// `topics=tasks` or `topics=tasks,approvals`: known topics only, each at most once.
const streamQuery = z.object({
  topics: z
    .string()
    .max(200)
    .transform((list) => list.split(","))
    .pipe(z.array(z.enum(CHANGE_TOPICS)).min(1).max(CHANGE_TOPICS.length).refine((topics) => new Set(topics).size === topics.length)),
});

function plain(status: number, message: string): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

/** One server-sent event; the data is a single JSON line. */
function formatEvent(event: HubEvent): string {
  if (event.kind === "resync") return "event: resync\ndata: {}\n\n";
  const { topic, ids, actorId } = event.change;
  return `event: change\ndata: ${JSON.stringify({ topic, ids, actorId })}\n\n`;
}

export async function streamChanges(request: Request, options: ChangeStreamOptions): Promise<Response> {
  const parsed = streamQuery.safeParse({ topics: new URL(request.url).searchParams.get("topics") ?? "" });
  if (!parsed.success) return plain(400, `Ask for one or more of these topics, separated by commas: ${CHANGE_TOPICS.join(", ")}.`);
  const viewer = await options.readViewer();
  if (!viewer) return plain(401, "Sign in to follow changes.");
  const hub = await options.hub();
  const heartbeatMs = options.heartbeatMs ?? HEARTBEAT_MS;
  const encoder = new TextEncoder();
  let close = () => {};

  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      const send = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          close();
        }
      };
      const unsubscribe = hub.subscribe({ workspaceId: viewer.workspaceId, topics: parsed.data.topics }, (event) => send(formatEvent(event)));
      const stillTheirs = async () => {
        try {
          const now = await options.readViewer();
          return now?.userId === viewer.userId && now.workspaceId === viewer.workspaceId;
        } catch {
          return false; // Unsure (the database is unreachable): end; the browser reconnects and is checked afresh.
        }
      };
      const heartbeat = setInterval(() => {
        void stillTheirs().then((ok) => (ok ? send(": heartbeat\n\n") : close()));
      }, heartbeatMs);
      close = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        unsubscribe();
        request.signal.removeEventListener("abort", close);
        try {
          controller.close();
        } catch {
          // Already closed by the reader going away.
        }
        logger.debug({ open: hub.size }, "live stream closed");
      };
      request.signal.addEventListener("abort", close);
      if (request.signal.aborted) return close();
      send(`retry: ${RETRY_MS}\n: connected\n\n`);
      logger.debug({ open: hub.size }, "live stream opened");
    },
    cancel() {
      close();
    },
  });

  return new Response(body, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      // no-transform: compression (Next's included) leaves the stream alone; X-Accel-Buffering: nginx passes it through.
      "Cache-Control": "no-cache, no-transform",
      "X-Accel-Buffering": "no",
    },
  });
}
