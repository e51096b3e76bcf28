// One signed call to a function's serve endpoint, and what its answer means:
//   200  the run finished, the body is its return value
//   206  ops: steps the SDK ran, planned, or wants to sleep or wait on
//   else a function-level error, retried unless x-inngest-no-retry says otherwise
import type { WorkflowRun } from "@/db/schema";
import { errorSchema, headers, type Op, opsSchema, type SerializedError } from "./protocol";
import type { PostJson, PostResponse } from "./post-json";
import { canonicalBody, signatureHeader } from "./signing";

export type CallOutcome =
  | { kind: "ops"; ops: Op[] }
  | { kind: "done"; output: unknown }
  | { kind: "error"; retry: boolean; error: SerializedError; retryAfterMs: number | null }
  /** No answer at all (the app is down or restarting): try again without spending an attempt. */
  | { kind: "unreachable"; error: SerializedError };

export interface CallRequest {
  url: string;
  signingKey: string;
  run: Pick<WorkflowRun, "id" | "event" | "parallel">;
  /** null: ask for the next step; else run that planned step. */
  stepId: string | null;
  attempt: number;
  maxAttempts: number;
  steps: Record<string, unknown>;
  stack: string[];
  post: PostJson;
  timeoutMs: number;
}

export async function callFunction(request: CallRequest): Promise<CallOutcome> {
  const url = new URL(request.url);
  url.searchParams.set("stepId", request.stepId ?? "step");
  const body = canonicalBody({
    event: request.run.event,
    events: [request.run.event],
    steps: request.steps,
    ctx: {
      run_id: request.run.id,
      attempt: request.attempt,
      max_attempts: request.maxAttempts,
      disable_immediate_execution: request.run.parallel,
      use_api: false,
      stack: { stack: request.stack, current: request.stack.length },
    },
    version: -1,
  });

  let response: PostResponse;
  try {
    response = await request.post(url, body, { "content-type": "application/json", [headers.signature]: signatureHeader(body, request.signingKey) }, request.timeoutMs);
  } catch (error) {
    return { kind: "unreachable", error: { name: "FetchError", message: `Could not reach ${url.origin}: ${(error as Error).message}` } };
  }

  const { text } = response;
  if (response.status === 200) return { kind: "done", output: parseJson(text) ?? null };
  if (response.status === 206) {
    const ops = opsSchema.safeParse(parseJson(text));
    if (ops.success) return { kind: "ops", ops: ops.data };
    return { kind: "error", retry: true, error: { name: "ProtocolError", message: "The function answered with ops the executor cannot read" }, retryAfterMs: null };
  }
  const parsedError = errorSchema.safeParse(parseJson(text));
  const error: SerializedError = parsedError.success
    ? parsedError.data
    : { name: "HttpError", message: `HTTP ${response.status}: ${text.slice(0, 500) || response.statusText}` };
  return {
    kind: "error",
    retry: response.header(headers.noRetry) !== "true",
    error,
    retryAfterMs: retryAfter(response.header(headers.retryAfter)),
  };
}

function parseJson(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Retry-After as seconds or as an HTTP date. */
function retryAfter(value: string | null): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}
