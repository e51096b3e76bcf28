import { z } from "zod";
import { campaignIdInput, channelField } from "@/server/services/campaigns/campaign.schema";

// Content item fields, shared by the server and the content forms. Channel rules
// (lengths, hashtags, images) are checked by server/services/content/channel-rules.ts,
// which the form also runs as you type.

/** A wall-clock time without a zone, as a datetime-local input gives it: "2026-03-09T09:00". */
export const localDateTimeField = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Enter the date and time like 2026-03-09T09:00")
  .refine((value) => {
    const [year, month, day, hour, minute] = value.split(/[-T:]/).map(Number) as [number, number, number, number, number];
    const utc = new Date(Date.UTC(year, month - 1, day, hour, minute));
    return utc.getUTCMonth() === month - 1 && utc.getUTCDate() === day && utc.getUTCHours() === hour && utc.getUTCMinutes() === minute;
  }, "That date doesn't exist on the calendar");

/** An IANA zone name ("Europe/Berlin"); whether it is known is checked by the service, with a message. */
export const timeZoneField = z.string().trim().min(1, "Choose a time zone").max(100, "Choose a time zone by its name, like Europe/Berlin");

export const scheduleField = z.object({ localDateTime: localDateTimeField, timeZone: timeZoneField });

export const mediaField = z
  .array(
    z.object({
      url: z.string().trim().max(2000, "Use a web address of at most 2,000 characters"),
      alt: z.string().trim().max(1000, "Keep the description to at most 1,000 characters"),
    }),
  )
  .max(20, "Attach at most 20 images");

export const contentFields = {
  title: z.string().trim().min(1, "Give the item a title").max(300, "Use at most 300 characters for the title"),
  body: z.string().max(100_000, "Use at most 100,000 characters"),
  media: mediaField,
};

export const contentItemIdInput = z.object({ contentItemId: z.uuid("Choose a content item") });

export const listContentInput = campaignIdInput;

export const createContentInput = campaignIdInput.extend({
  channel: channelField,
  title: contentFields.title,
  body: contentFields.body.default(""),
  media: contentFields.media.default([]),
  scheduledAt: scheduleField.nullish(),
});

/** Only the fields sent change (no defaults here). */
export const updateContentInput = contentItemIdInput.extend(z.object(contentFields).partial().shape);

/** Moves an item to a local time in a zone, or unschedules it with `localDateTime: null`. */
export const rescheduleContentInput = contentItemIdInput.extend({ localDateTime: localDateTimeField.nullable(), timeZone: timeZoneField });

const versionNumber = z.number({ error: "Choose a version" }).int("Choose a version").min(1, "Choose a version");
export const diffContentInput = contentItemIdInput.extend({ from: versionNumber, to: versionNumber });

export type CreateContentInput = z.infer<typeof createContentInput>;
export type UpdateContentInput = z.infer<typeof updateContentInput>;
export type RescheduleContentInput = z.infer<typeof rescheduleContentInput>;
export type DiffContentInput = z.infer<typeof diffContentInput>;
