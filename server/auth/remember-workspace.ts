import "server-only";
import { cookies } from "next/headers";
import { WORKSPACE_COOKIE } from "./workspace-cookie";

/** Makes a workspace the active one for this browser; membership is re-checked on every request. */
export async function rememberWorkspace(workspaceId: string): Promise<void> {
  (await cookies()).set(WORKSPACE_COOKIE, workspaceId, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    maxAge: 60 * 60 * 24 * 365,
  });
}
