import { z } from "zod";
import { campaignIdInput, channelField } from "@/server/services/campaigns/campaign.schema";
import { localDateTime, timeZoneName } from "@/server/services/shared/date.schema";
import { id, int } from "@/server/services/shared/number.schema";
import { text } from "@/server/services/shared/text.schema";

// Content item fields, shared by the server and the content forms. Channel rules
// (lengths, hashtags, images) are checked by server/services/content/channel-rules.ts,
// which the form also runs as you type.

/** A wall-clock time without a zone, as a datetime-local input gives it: "2026-03-09T09:00". */
export const localDateTimeField = localDateTime();

/** An IANA zone name ("Europe/Berlin"); whether it is known is checked by the service, whose message names it. */
export const timeZoneField = timeZoneName(undefined, { known: false });

export const scheduleField = z.object({ localDateTime: localDateTimeField, timeZone: timeZoneField });

export const mediaField = z
  .array(
    z.object({
      url: text({ max: 2000, tooLong: "Use a web address of at most 2,000 characters" }),
      alt: text({ max: 1000, tooLong: "Keep the description to at most 1,000 characters", multiline: true }),
    }),
  )
  .max(20, "Attach at most 20 images");

export const contentFields = {
  title: text({ required: "Give the item a title", max: 300, tooLong: "Use at most 300 characters for the title" }),
  body: text({ max: 100_000, multiline: true, trim: false }),
  media: mediaField,
};

export const contentItemIdInput = z.object({ contentItemId: id("Choose a content item") });

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

/** Versions are numbered from 1 in an int4 column. */
const versionNumber = int({ message: "Choose a version", min: 1, minMessage: "Choose a version", maxMessage: "This item has no such version" });
export const diffContentInput = contentItemIdInput.extend({ from: versionNumber, to: versionNumber });

export type CreateContentInput = z.infer<typeof createContentInput>;
export type UpdateContentInput = z.infer<typeof updateContentInput>;
export type RescheduleContentInput = z.infer<typeof rescheduleContentInput>;
export type DiffContentInput = z.infer<typeof diffContentInput>;
