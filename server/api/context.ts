import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { type Database, getDb } from "@/db";
import { currentUser } from "@/server/auth/current-user";
import { WORKSPACE_COOKIE } from "@/server/auth/workspace-cookie";
import { listMyWorkspaces } from "@/server/services/workspaces/list-my-workspaces";
import { pickActiveWorkspace } from "@/server/services/workspaces/resolve-active-workspace";
import type { TRPCContext } from "./trpc";

/** The workspaces the person belongs to, read once per request: the context and the app shell's switcher both need them. */
export const myWorkspaces = cache((db: Database, userId: string) => listMyWorkspaces(db, { userId }));

/**
 * Who is asking and in which workspace, for one request. Shared by server
 * components, server actions and the tRPC route; cached per request.
 */
export const createTRPCContext = cache(async (): Promise<TRPCContext> => {
  const db = await getDb();
  const user = await currentUser();
  if (!user) return { db, session: null, workspace: null };
  const preferred = (await cookies()).get(WORKSPACE_COOKIE)?.value;
  const workspace = pickActiveWorkspace(await myWorkspaces(db, user.id), preferred);
  return { db, session: { user }, workspace };
});
