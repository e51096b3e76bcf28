import { sql } from "drizzle-orm";
import { contentItems } from "@/db/schema";

/** True when the item's current version is the approved one: what goes out is what was approved. */
export const contentApproved = sql<boolean>`coalesce(${contentItems.approvalStatus} = 'approved' and ${contentItems.approvedVersion} = ${contentItems.version}, false)`;
