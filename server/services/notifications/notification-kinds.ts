// What each kind of notification is called and where it goes unless the member
// chose otherwise. Pure, so the preferences form and the services read one list.
import type { NotificationChannel, NotificationKind } from "@/db/schema/enum-values";

export { notificationChannels, notificationKinds } from "@/db/schema/enum-values";
export type { NotificationChannel, NotificationKind } from "@/db/schema/enum-values";

export const notificationKindLabels: Record<NotificationKind, string> = {
  assigned: "A task is assigned to you",
  mentioned: "Someone mentions you",
  due_soon: "Your task is due soon",
  overdue: "Your task is overdue",
  escalated: "An overdue task is escalated to you",
  dependency_done: "A task you wait on is done",
  approval_waiting: "An approval waits on you",
  approval_outcome: "Your approval request is decided or expires",
};

/** What needs the member's attention (a deadline included) also comes by email; what only helps them plan stays in the app. */
export const defaultChannels: Record<NotificationKind, NotificationChannel> = {
  assigned: "both",
  mentioned: "both",
  due_soon: "both",
  overdue: "both",
  escalated: "both",
  dependency_done: "in_app",
  // Every approver is emailed the request with its review link when a stage starts (and reminded by email), so the app's own email would repeat it.
  approval_waiting: "in_app",
  approval_outcome: "both",
};

export const notificationChannelLabels: Record<NotificationChannel, string> = {
  in_app: "In app",
  email: "Email",
  both: "Both",
  none: "None",
};

export const showsInApp = (channel: NotificationChannel) => channel === "in_app" || channel === "both";
export const sendsEmail = (channel: NotificationChannel) => channel === "email" || channel === "both";

/** How many minutes apart a member's notification emails are at least. */
export const EMAIL_INTERVAL_MINUTES = 15;

export const DEFAULT_DIGEST_HOUR = 8;
