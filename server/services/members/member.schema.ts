import { z } from "zod";
import { roleField } from "@/server/services/accounts/account.schema";
import { id } from "@/server/services/shared/number.schema";

export const memberIdInput = z.object({ userId: id("Choose a member") });
export const changeRoleInput = memberIdInput.extend({ role: roleField });
