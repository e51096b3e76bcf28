// tRPC callers for tests, with the context production builds (server/api/context.ts):
// the signed-in user, and the workspace resolveActiveWorkspace picks for them.
import { getErrorShape, TRPCError } from "@trpc/server";
import { appRouter, createCaller } from "@/server/api/root";
import type { SessionUser } from "@/server/api/trpc";
import { resolveActiveWorkspace } from "@/server/services/workspaces/resolve-active-workspace";
import type { Database } from "@/db";

export type Caller = ReturnType<typeof createCaller>;

/** A caller signed in as `user`, in `workspaceId` if they belong to it (like the workspace cookie), else their first workspace. */
export async function callerFor(db: Database, user: SessionUser, workspaceId?: string): Promise<Caller> {
  const workspace = await resolveActiveWorkspace(db, { userId: user.id, preferredWorkspaceId: workspaceId });
  return createCaller({ db, session: { user: { id: user.id, name: user.name, email: user.email } }, workspace });
}

export function signedOutCaller(db: Database): Caller {
  return createCaller({ db, session: null, workspace: null });
}

/** The error a call failed with; fails the test when the call succeeded. */
export async function callError(call: Promise<unknown>): Promise<TRPCError> {
  const outcome = await call.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  if (!("error" in outcome)) throw new Error(`Expected the call to fail, but it returned ${JSON.stringify(outcome.value)}`);
  if (!(outcome.error instanceof TRPCError)) throw outcome.error;
  return outcome.error;
}

/** The field errors a browser would receive: the error as the router's formatter shapes it. */
export function fieldErrorsOf(error: TRPCError): Record<string, string[]> | null {
  const shape = getErrorShape({
    config: appRouter._def._config,
    error,
    type: "unknown",
    path: undefined,
    input: undefined,
    ctx: undefined,
  });
  return shape.data.fieldErrors;
}
