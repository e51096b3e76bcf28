// The executor's event API, what `inngest.send()` and `step.sendEvent` post to:
// POST <base>/e/<event key> with one event or an array. It answers like
// Inngest's: { ids, status: 200 }; a bad event is a 400 that names the problem
// and stores nothing.
import { timingSafeEqual } from "node:crypto";
import type { WorkflowExecutor } from "./executor";
import { InvalidEventError } from "./ingest";

function sameKey(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function handleEventRequest(executor: WorkflowExecutor, request: Request, givenKey: string, eventKey: string): Promise<Response> {
  if (request.method !== "POST") return Response.json({ error: "Send events with POST", status: 405 }, { status: 405 });
  if (!sameKey(givenKey, eventKey)) return Response.json({ error: "Unknown event key", status: 401 }, { status: 401 });
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return Response.json({ error: "The body must be JSON: an event or an array of events", status: 400 }, { status: 400 });
  }
  try {
    const ids = await executor.send(body);
    return Response.json({ ids, status: 200 });
  } catch (error) {
    if (error instanceof InvalidEventError) return Response.json({ error: error.message, status: 400 }, { status: 400 });
    throw error;
  }
}
