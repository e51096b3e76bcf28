import { z } from "zod";
import { emailField, roleField } from "@/server/services/accounts/account.schema";

export const inviteInput = z.object({ email: emailField, role: roleField });
export const invitationIdInput = z.object({ invitationId: z.uuid("Choose an invitation") });
