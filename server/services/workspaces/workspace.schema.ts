import { z } from "zod";
import { workspaceNameField } from "@/server/services/accounts/account.schema";

export const createWorkspaceInput = z.object({ name: workspaceNameField });
