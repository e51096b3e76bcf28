import { and, desc, eq } from "drizzle-orm";
import type { Database } from "@/db";
import type { MemberRole } from "@/db/schema/workspaces";
import { hasRole } from "@/server/auth/roles";
import { closedStatuses } from "@/server/services/campaigns/closed-statuses";
import { contentVersions, users } from "@/db/schema";
import { findContentItem } from "./find-content-item";

/** One item with its campaign (name, dates, status), its versions, newest first, with who saved each, and whether the viewer may change it. */
export async function getContentItem(db: Database, input: { workspaceId: string; contentItemId: string; role: MemberRole }) {
  const { item, campaign } = await findContentItem(db, input);
  const versions = await db
    .select({ version: contentVersions.version, createdAt: contentVersions.createdAt, authorName: users.name })
    .from(contentVersions)
    .leftJoin(users, eq(users.id, contentVersions.createdById))
    .where(and(eq(contentVersions.workspaceId, input.workspaceId), eq(contentVersions.contentItemId, item.id)))
    .orderBy(desc(contentVersions.version))
    .limit(1000);
  return {
    ...item,
    campaign: { id: campaign.id, name: campaign.name, status: campaign.status, startDate: campaign.startDate, endDate: campaign.endDate },
    versions,
    canEdit: campaign.status !== "archived" && hasRole(input.role, "marketer"),
    canSchedule: !closedStatuses.has(campaign.status) && hasRole(input.role, "marketer"),
  };
}
