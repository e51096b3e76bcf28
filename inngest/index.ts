// Every function the app serves at /api/inngest.
import { sendInvitationEmail } from "./functions/send-invitation-email";
import { welcomeWorkspace } from "./functions/welcome-workspace";

export const functions = [sendInvitationEmail, welcomeWorkspace];
