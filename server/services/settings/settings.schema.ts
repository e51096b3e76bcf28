import { z } from "zod";
import { type Channel, channels } from "@/db/schema/enum-values";
import { bufferDaysField, dayField } from "@/server/services/campaigns/campaign.schema";
import { timeZoneName } from "@/server/services/shared/date.schema";
import { sharedField } from "@/server/services/shared/field-kinds";
import { id, int } from "@/server/services/shared/number.schema";
import { text } from "@/server/services/shared/text.schema";

// Planning settings and blackout dates, shared by the server and the settings page.
// Holiday countries are checked on the server, against the holiday rules it has.

/** Two letters, upper-cased; whether the server has the country's holiday rules is checked by the service. */
const countryCode = sharedField(
  text({ max: 100, required: "Choose a country from the list" })
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "Choose a country from the list"),
  "text",
);

export const updateSettingsInput = z.object({
  holidayCountry: countryCode.nullable(),
  timeZone: timeZoneName("Choose a time zone from the list, like Europe/Berlin"),
  channelDailyLimit: int({
    message: "Enter the limit as a whole number",
    min: 1,
    minMessage: "Allow at least 1 item per channel per day",
    max: 50,
    maxMessage: "Use a limit of at most 50 items per channel per day",
  }),
  milestoneBufferDays: bufferDaysField,
  reminderLeadHours: int({
    message: "Enter the hours as a whole number",
    min: 1,
    minMessage: "Remind at least 1 hour before",
    max: 168,
    maxMessage: "Remind at most 168 hours (a week) before",
  }),
  escalationBusinessDays: int({
    message: "Enter the business days as a whole number",
    min: 1,
    minMessage: "Escalate after at least 1 business day",
    max: 20,
    maxMessage: "Escalate after at most 20 business days",
  }),
});

export const addBlackoutInput = z
  .object({
    startDate: dayField("first day"),
    endDate: dayField("last day"),
    reason: text({ required: "Say why nothing should go out, like “Company offsite”", max: 120 }),
  })
  .refine((input) => input.startDate <= input.endDate, { path: ["endDate"], message: "The last day can't be before the first day" });

export const blackoutIdInput = z.object({ blackoutId: id("Choose a blackout date") });

export type UpdateSettingsInput = z.infer<typeof updateSettingsInput>;
export type AddBlackoutInput = z.infer<typeof addBlackoutInput>;

// Brand rules: what the content checks hold every item to (server/services/content-checks).
export const MAX_BANNED_PHRASES = 200;
export const MAX_DISCLAIMER_LENGTH = 1000;

const bannedPhrase = z.object({
  phrase: text({ max: 100, required: "Enter the word or phrase to avoid" }),
  replacement: text({ max: 100, tooLong: "Keep the replacement to at most 100 characters" }),
});
const disclaimer = text({ max: MAX_DISCLAIMER_LENGTH, multiline: true, tooLong: "Keep a disclaimer to at most 1,000 characters" });

export const updateBrandRulesInput = z.object({
  bannedPhrases: z
    .array(bannedPhrase)
    .max(MAX_BANNED_PHRASES, `Keep at most ${MAX_BANNED_PHRASES} banned phrases`)
    .superRefine((phrases, ctx) => {
      const seen = new Set<string>();
      phrases.forEach(({ phrase }, index) => {
        const key = phrase.replace(/\s+/g, " ").toLowerCase();
        if (seen.has(key)) ctx.addIssue({ code: "custom", path: [index, "phrase"], message: `“${phrase}” is in the list twice. Remove one.` });
        seen.add(key);
      });
    }),
  /** One per channel; an empty one is no disclaimer. */
  disclaimers: z.object(Object.fromEntries(channels.map((channel) => [channel, disclaimer.optional()])) as Record<Channel, z.ZodOptional<typeof disclaimer>>),
});

export type UpdateBrandRulesInput = z.infer<typeof updateBrandRulesInput>;
