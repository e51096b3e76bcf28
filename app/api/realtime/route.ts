import { createTRPCContext } from "@/server/api/context";
import { getChangeHub } from "@/server/realtime/app-change-hub";
import { streamChanges, type StreamViewer } from "@/server/realtime/change-stream";

// Live changes for the signed-in member's workspace (server-sent events): GET /api/realtime?topics=tasks.
export const dynamic = "force-dynamic";
export const runtime = "nodejs";

// The same reading of the session and active workspace as every page and tRPC call.
async function readViewer(): Promise<StreamViewer | null> {
  const { session, workspace } = await createTRPCContext();
  return session && workspace ? { userId: session.user.id, workspaceId: workspace.id } : null;
}

export function GET(request: Request) {
  return streamChanges(request, { hub: getChangeHub, readViewer });
}
