import { z } from "zod";
import { bufferDaysField, campaignTypeField, dayField } from "@/server/services/campaigns/campaign.schema";
import { milestoneNameField } from "@/server/services/milestones/milestone.schema";
import { int } from "@/server/services/shared/number.schema";

// Timeline templates, shared by the server and the settings page's template editor.

export const templateMilestoneField = z.object({
  name: milestoneNameField,
  businessDaysBeforeLaunch: int({
    message: "Enter the business days before launch as a whole number",
    min: -60,
    minMessage: "A milestone can be at most 60 business days after launch",
    max: 250,
    maxMessage: "A milestone can be at most 250 business days before launch",
  }),
});

export const templateTypeInput = z.object({ type: campaignTypeField });

export const updateTemplateInput = templateTypeInput.extend({
  milestones: z.array(templateMilestoneField).min(1, "Keep at least one milestone").max(20, "Use at most 20 milestones"),
});

export const previewTimelineInput = templateTypeInput.extend({ launchDate: dayField("launch date"), bufferDays: bufferDaysField.optional() });

export type UpdateTemplateInput = z.infer<typeof updateTemplateInput>;
export type PreviewTimelineInput = z.infer<typeof previewTimelineInput>;
