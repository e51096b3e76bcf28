import { z } from "zod";
import { emailField, roleField, workspaceNameField } from "./account.schema";

export const memberIdInput = z.object({ userId: z.uuid("Choose a member") });
export const changeRoleInput = memberIdInput.extend({ role: roleField });
export const inviteInput = z.object({ email: emailField, role: roleField });
export const invitationIdInput = z.object({ invitationId: z.uuid("Choose an invitation") });
export const createWorkspaceInput = z.object({ name: workspaceNameField });
