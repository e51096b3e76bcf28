import { z } from "zod";
import { plainDate, timeZoneName } from "@/server/services/shared/date.schema";
import { sharedField } from "@/server/services/shared/field-kinds";
import { id, int } from "@/server/services/shared/number.schema";
import { text } from "@/server/services/shared/text.schema";

// Members' planning profiles (skills, capacity, working days, zone), their time
// off and the workspace's skill catalogue; shared by the server and the /team forms.
// Whether a skill is in the catalogue is checked by the services, against the
// workspace's own list.

/** A skill's name as the catalogue keeps it: lower case, one line ("copywriting"). */
export const skillField = sharedField(
  text({ required: "Name the skill, like copywriting", max: 40, tooLong: "Keep a skill's name to 40 characters" }).toLowerCase(),
  "text",
);

export const MAX_WEEKLY_HOURS = 168;

const weekday = int({ message: "Choose working days from Monday to Sunday", min: 1, minMessage: "Choose working days from Monday to Sunday", max: 7, maxMessage: "Choose working days from Monday to Sunday" });

export const memberUserIdField = id("Choose a member");

export const updateProfileInput = z.object({
  userId: memberUserIdField,
  skills: z.array(skillField, { error: "Choose the skills from the list" }).max(50, "Choose at most 50 skills"),
  weeklyCapacityHours: int({
    message: "Enter the weekly capacity in whole hours",
    min: 0,
    minMessage: "Weekly capacity can't be below 0 hours",
    max: MAX_WEEKLY_HOURS,
    maxMessage: `Weekly capacity can be at most ${MAX_WEEKLY_HOURS} hours (a whole week)`,
  }),
  workingDays: z.array(weekday, { error: "Choose the working days" }).max(7, "Choose each working day once"),
  /** Null: the workspace's zone. */
  timeZone: timeZoneName("Choose a time zone from the list, like Europe/Berlin").nullable(),
});

export const addTimeOffInput = z
  .object({
    userId: memberUserIdField,
    startDate: plainDate("first day off"),
    endDate: plainDate("last day off"),
    note: text({ max: 120, tooLong: "Keep the note to 120 characters" }).default(""),
  })
  .refine((input) => input.startDate <= input.endDate, { path: ["endDate"], message: "The last day off can't be before the first day off" });

export const timeOffIdInput = z.object({ timeOffId: id("Choose a time off entry") });
export const skillInput = z.object({ skill: skillField });

export type UpdateProfileInput = z.infer<typeof updateProfileInput>;
export type AddTimeOffInput = z.input<typeof addTimeOffInput>;
