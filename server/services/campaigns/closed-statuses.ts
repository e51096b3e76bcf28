// Campaigns whose plan is settled (done, called off or put away): their content
// and milestones can no longer be scheduled, moved, added or removed. Pages ask
// the same question to offer only what the server allows, so this module stays
// free of the database layer and zod for the browser.
import type { CampaignStatus } from "@/db/schema/enum-values";

export const closedStatuses: ReadonlySet<CampaignStatus> = new Set<CampaignStatus>(["completed", "cancelled", "archived"]);
