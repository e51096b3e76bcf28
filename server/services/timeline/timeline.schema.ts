import { z } from "zod";
import { bufferDaysField, campaignTypeField, channelField, dayField } from "@/server/services/campaigns/campaign.schema";
import { milestoneNameField } from "@/server/services/milestones/milestone.schema";
import { int, tenths } from "@/server/services/shared/number.schema";
import { MAX_ESTIMATE_HOURS, skillName } from "@/server/services/tasks/task.schema";
import { text } from "@/server/services/shared/text.schema";

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

/** The key a template task is named by in `dependsOn`; the editor makes it, people never type it. */
const templateTaskKeyField = text({ required: "Each task needs a key", max: 60 });

// Which skills, milestones and keys exist is checked against the whole template
// (template-task-problems.ts) and the workspace's skill catalogue (update-template.ts).
export const templateTaskField = z.object({
  key: templateTaskKeyField,
  title: text({ required: "Give the task a title", max: 200 }),
  estimateHours: tenths("estimate", MAX_ESTIMATE_HOURS),
  skills: z.array(skillName).max(10, "Require at most 10 skills"),
  dependsOn: z.array(templateTaskKeyField).max(20, "Depend on at most 20 tasks"),
  milestone: milestoneNameField,
  businessDaysBefore: int({
    message: "Enter the business days before the milestone as a whole number",
    min: 0,
    minMessage: "A task is due on or before its milestone: use 0 or more business days",
    max: 250,
    maxMessage: "A task can be due at most 250 business days before its milestone",
  }),
  channel: channelField.optional(),
});

export const templateTypeInput = z.object({ type: campaignTypeField });

export const updateTemplateInput = templateTypeInput.extend({
  milestones: z.array(templateMilestoneField).min(1, "Keep at least one milestone").max(20, "Use at most 20 milestones"),
  /** Without it the stored tasks stay (checked against the new milestones). */
  tasks: z.array(templateTaskField).max(150, "Use at most 150 tasks").optional(),
});

export const previewTimelineInput = templateTypeInput.extend({ launchDate: dayField("launch date"), bufferDays: bufferDaysField.optional() });

export type TemplateTaskInput = z.infer<typeof templateTaskField>;
export type UpdateTemplateInput = z.infer<typeof updateTemplateInput>;
export type PreviewTimelineInput = z.infer<typeof previewTimelineInput>;
