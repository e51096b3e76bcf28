// Every function the app serves at /api/inngest.
import { approvalExpirePastPublish } from "./functions/approval-expire-past-publish";
import { approvalStageSla } from "./functions/approval-stage-sla";
import { remindTaskDue } from "./functions/remind-task-due";
import { findDueDigests, sendDailyDigest, sendWeeklyDigest } from "./functions/send-digests";
import { sendInvitationEmail } from "./functions/send-invitation-email";
import { sendNotificationEmails } from "./functions/send-notification-emails";
import { welcomeWorkspace } from "./functions/welcome-workspace";

export const functions = [sendInvitationEmail, welcomeWorkspace, remindTaskDue, sendNotificationEmails, findDueDigests, sendDailyDigest, sendWeeklyDigest, approvalStageSla, approvalExpirePastPublish];
