import type { Database } from "@/db";
import type { ApprovalRequest } from "@/db/schema";
import { AppError } from "@/server/errors";
import { lockRequest } from "../lock-request";

export interface RoundInput {
  workspaceId: string;
  requestId: string;
  round: number;
}

/**
 * The request, locked, if it still waits in `round`; otherwise why the SLA's
 * step has nothing to do (decided, restarted on a new version, withdrawn, deleted).
 * Every step of a stage's SLA starts here, so late work of an old round does nothing.
 */
export async function lockOpenRound(tx: Database, input: RoundInput): Promise<{ request: ApprovalRequest } | { skipped: string }> {
  let request: ApprovalRequest;
  try {
    request = await lockRequest(tx, input);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return { skipped: "the request was deleted" };
    throw error;
  }
  if (request.status !== "pending") return { skipped: `the request is ${request.status.replace("_", " ")}` };
  if (request.round !== input.round) return { skipped: "the stage moved on to a new round" };
  return { request };
}
