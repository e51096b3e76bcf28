import { z } from "zod";
import { bufferDaysField, dayField } from "@/server/services/campaigns/campaign.schema";

// Planning settings and blackout dates, shared by the server and the settings page.
// Holiday countries are checked on the server, against the holiday rules it has.

// "UTC" is the default but not one of the zones Intl lists.
const timeZones = new Set(["UTC", ...Intl.supportedValuesOf("timeZone")]);

export const updateSettingsInput = z.object({
  holidayCountry: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "Choose a country from the list")
    .nullable(),
  timeZone: z
    .string()
    .trim()
    .refine((zone) => timeZones.has(zone), "Choose a time zone from the list, like Europe/Berlin"),
  channelDailyLimit: z
    .number({ error: "Enter the limit as a whole number" })
    .int("Enter the limit as a whole number")
    .min(1, "Allow at least 1 item per channel per day")
    .max(50, "Use a limit of at most 50 items per channel per day"),
  milestoneBufferDays: bufferDaysField,
});

export const addBlackoutInput = z
  .object({
    startDate: dayField("first day"),
    endDate: dayField("last day"),
    reason: z.string().trim().min(1, "Say why nothing should go out, like “Company offsite”").max(120, "Use at most 120 characters"),
  })
  .refine((input) => input.startDate <= input.endDate, { path: ["endDate"], message: "The last day can't be before the first day" });

export const blackoutIdInput = z.object({ blackoutId: z.uuid("Choose a blackout date") });

export type UpdateSettingsInput = z.infer<typeof updateSettingsInput>;
export type AddBlackoutInput = z.infer<typeof addBlackoutInput>;
