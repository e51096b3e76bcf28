import { z } from "zod";
import { notificationChannels, notificationKinds } from "@/db/schema/enum-values";
import { instantCursor } from "@/server/services/shared/cursor.schema";
import { timeOfDay } from "@/server/services/shared/date.schema";
import { id, int } from "@/server/services/shared/number.schema";

// Inputs of the notification router, shared by the services and the /account form.

export const notificationKindField = z.enum(notificationKinds, { error: `Choose a kind of notification: ${notificationKinds.join(", ")}` });
export const notificationChannelField = z.enum(notificationChannels, { error: "Choose In app, Email, Both or None" });

export const listNotificationsInput = z.object({
  cursor: instantCursor("This list has changed since it was opened. Reload the page.").optional(),
  limit: int({ message: "Ask for a whole number of notifications", min: 1, max: 50, minMessage: "Ask for at least 1", maxMessage: "Ask for at most 50" }).optional(),
});
export type ListNotificationsInput = z.infer<typeof listNotificationsInput>;

export const markNotificationReadInput = z.object({ notificationId: id("Choose a notification") });
export type MarkNotificationReadInput = z.infer<typeof markNotificationReadInput>;

const hourMessage = "Choose an hour from 0 to 23";

/** Everything on the form at once: a channel per kind, quiet hours (both or neither), the digests and their hour. */
export const updateNotificationPreferencesInput = z
  .object({
    channels: z
      .array(z.object({ kind: notificationKindField, channel: notificationChannelField }))
      .max(notificationKinds.length * 2, "Choose one channel per kind"),
    quietHoursStart: timeOfDay("start of quiet hours").nullable(),
    quietHoursEnd: timeOfDay("end of quiet hours").nullable(),
    digestHour: int({ message: hourMessage, min: 0, max: 23, minMessage: hourMessage, maxMessage: hourMessage }),
    dailyDigest: z.boolean({ error: "Say whether you want the daily digest" }),
    weeklyDigest: z.boolean({ error: "Say whether you want the weekly campaign summary" }),
  })
  .superRefine((input, ctx) => {
    if ((input.quietHoursStart === null) !== (input.quietHoursEnd === null)) {
      const missing = input.quietHoursStart === null ? "quietHoursStart" : "quietHoursEnd";
      ctx.addIssue({ code: "custom", path: [missing], message: "Set both ends of quiet hours, or clear both" });
    }
    if (input.quietHoursStart !== null && input.quietHoursStart === input.quietHoursEnd) {
      ctx.addIssue({ code: "custom", path: ["quietHoursEnd"], message: "Quiet hours must end at another time than they start" });
    }
    const seen = new Set<string>();
    input.channels.forEach((choice, index) => {
      if (seen.has(choice.kind)) ctx.addIssue({ code: "custom", path: ["channels", index, "kind"], message: "Choose one channel per kind" });
      seen.add(choice.kind);
    });
  });
export type UpdateNotificationPreferencesInput = z.infer<typeof updateNotificationPreferencesInput>;
