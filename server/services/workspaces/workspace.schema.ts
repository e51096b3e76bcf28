import { z } from "zod";
import { workspaceNameField } from "@/server/services/accounts/account.schema";
import { id } from "@/server/services/shared/number.schema";

export const createWorkspaceInput = z.object({ name: workspaceNameField });

/** The workspace switcher's choice. */
export const switchWorkspaceInput = z.object({ workspaceId: id("Choose a workspace") });
