import { z } from "zod";
import { roleField } from "@/server/services/accounts/account.schema";

export const memberIdInput = z.object({ userId: z.uuid("Choose a member") });
export const changeRoleInput = memberIdInput.extend({ role: roleField });
