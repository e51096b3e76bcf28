import { addBlackout, listBlackouts, removeBlackout } from "@/server/services/settings/blackout-dates";
import { getSettings } from "@/server/services/settings/get-settings";
import { updateSettings } from "@/server/services/settings/update-settings";
import { adminProcedure, createTRPCRouter, managerProcedure, workspaceProcedure } from "../trpc";
import { addBlackoutInput, blackoutIdInput, updateSettingsInput } from "./settings.schema";

const scope = (ctx: { workspace: { id: string }; session: { user: { id: string } } }) => ({ workspaceId: ctx.workspace.id, actorId: ctx.session.user.id });

export const settingsRouter = createTRPCRouter({
  get: workspaceProcedure.query(({ ctx }) => getSettings(ctx.db, { workspaceId: ctx.workspace.id })),
  update: adminProcedure.input(updateSettingsInput).mutation(({ ctx, input }) => updateSettings(ctx.db, { ...input, ...scope(ctx) })),
  listBlackouts: workspaceProcedure.query(({ ctx }) => listBlackouts(ctx.db, { workspaceId: ctx.workspace.id })),
  addBlackout: managerProcedure.input(addBlackoutInput).mutation(({ ctx, input }) => addBlackout(ctx.db, { ...input, ...scope(ctx) })),
  removeBlackout: managerProcedure.input(blackoutIdInput).mutation(({ ctx, input }) => removeBlackout(ctx.db, { ...input, ...scope(ctx) })),
});
