import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { getDb } from "@/db";
import { currentUser } from "@/server/auth/current-user";
import { WORKSPACE_COOKIE } from "@/server/auth/workspace-cookie";
import { resolveActiveWorkspace } from "@/server/services/workspaces/resolve-active-workspace";
import type { TRPCContext } from "./trpc";

/**
 * Who is asking and in which workspace, for one request. Shared by server
 * components, server actions and the tRPC route; cached per request.
 */
export const createTRPCContext = cache(async (): Promise<TRPCContext> => {
  const db = await getDb();
  const user = await currentUser();
  if (!user) return { db, session: null, workspace: null };
  const preferred = (await cookies()).get(WORKSPACE_COOKIE)?.value;
  const workspace = await resolveActiveWorkspace(db, { userId: user.id, preferredWorkspaceId: preferred });
  return { db, session: { user }, workspace };
});
