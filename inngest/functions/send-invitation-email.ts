// "member/invited": email the invitation link. The email's idempotency key makes
// a retried step (or a duplicate event) send it once.
import { getDb } from "@/db";
import { sendInvitationEmail as deliver } from "@/server/services/invitations/send-invitation-email";
import { inngest } from "../client";
import { memberInvited } from "../events";

export const sendInvitationEmail = inngest.createFunction(
  { id: "send-invitation-email", name: "Send an invitation email", triggers: [memberInvited] },
  async ({ event, step }) => step.run("send-email", async () => deliver(await getDb(), event.data)),
);
