import { z } from "zod";
import { bufferDaysField, campaignIdInput, dayField } from "@/server/services/campaigns/campaign.schema";
import { id } from "@/server/services/shared/number.schema";
import { text } from "@/server/services/shared/text.schema";

// Milestone fields, shared by the server and the campaign page's timeline.

export const milestoneNameField = text({ required: "Give the milestone a name", max: 80 });
export const milestoneIdInput = z.object({ milestoneId: id("Choose a milestone") });

export const createMilestoneInput = campaignIdInput.extend({ name: milestoneNameField, dueDate: dayField("due date") });

/** Only the fields sent change; the date moves through `reschedule`. */
export const updateMilestoneInput = milestoneIdInput.extend({ name: milestoneNameField.optional(), completed: z.boolean().optional() });

export const rescheduleMilestoneInput = milestoneIdInput.extend({ dueDate: dayField("due date") });

export const regenerateMilestonesInput = campaignIdInput.extend({ bufferDays: bufferDaysField.optional() });

export type CreateMilestoneInput = z.infer<typeof createMilestoneInput>;
export type UpdateMilestoneInput = z.infer<typeof updateMilestoneInput>;
export type RescheduleMilestoneInput = z.infer<typeof rescheduleMilestoneInput>;
export type RegenerateMilestonesInput = z.infer<typeof regenerateMilestonesInput>;
