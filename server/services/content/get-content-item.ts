import { and, desc, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { contentVersions, users } from "@/db/schema";
import { findContentItem } from "./find-content-item";

/** One item with its campaign (name, dates, status) and its versions, newest first, with who saved each. */
export async function getContentItem(db: Database, input: { workspaceId: string; contentItemId: string }) {
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
  };
}
