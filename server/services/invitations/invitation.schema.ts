import { z } from "zod";
import { emailField, roleField } from "@/server/services/accounts/account.schema";
import { id } from "@/server/services/shared/number.schema";

export const inviteInput = z.object({ email: emailField, role: roleField });
export const invitationIdInput = z.object({ invitationId: id("Choose an invitation") });

/** `requestId` names one press of "Resend": a retried request sends that email once. */
export const resendInvitationInput = invitationIdInput.extend({ requestId: id("Send the request again") });
