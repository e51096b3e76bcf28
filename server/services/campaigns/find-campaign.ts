import { and, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { type Campaign, campaigns } from "@/db/schema";
import { AppError } from "@/server/errors";

/**
 * The campaign with this id in this workspace, locked for the rest of the
 * transaction when `forUpdate`; NOT_FOUND otherwise (another workspace's
 * campaign is indistinguishable from none).
 */
export async function findCampaign(
  tx: Database,
  input: { workspaceId: string; campaignId: string },
  options: { forUpdate?: boolean } = {},
): Promise<Campaign> {
  const query = tx
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.workspaceId, input.workspaceId), eq(campaigns.id, input.campaignId)))
    .limit(1);
  const [campaign] = options.forUpdate ? await query.for("update") : await query;
  if (!campaign) throw new AppError("NOT_FOUND", "That campaign does not exist in this workspace.");
  return campaign;
}
