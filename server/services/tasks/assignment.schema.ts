import { z } from "zod";
import { id } from "@/server/services/shared/number.schema";

// Inputs of auto-assignment, shared by the router and the "Assign automatically" button.
export const assignTaskInput = z.object({ taskId: id("Choose a task") });
export const assignCampaignInput = z.object({ campaignId: id("Choose a campaign") });
