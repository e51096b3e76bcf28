import { addBlackout, listBlackouts, removeBlackout } from "@/server/services/settings/blackout-dates";
import { getBrandRules, updateBrandRules } from "@/server/services/settings/brand-rules";
import { getSettings } from "@/server/services/settings/get-settings";
import { updateSettings } from "@/server/services/settings/update-settings";
import { actorScope, adminProcedure, createTRPCRouter, managerProcedure, workspaceProcedure } from "../trpc";
import { addBlackoutInput, blackoutIdInput, updateBrandRulesInput, updateSettingsInput } from "@/server/services/settings/settings.schema";


export const settingsRouter = createTRPCRouter({
  get: workspaceProcedure.query(({ ctx }) => getSettings(ctx.db, { workspaceId: ctx.workspace.id })),
  update: adminProcedure.input(updateSettingsInput).mutation(({ ctx, input }) => updateSettings(ctx.db, { ...input, ...actorScope(ctx) })),
  listBlackouts: workspaceProcedure.query(({ ctx }) => listBlackouts(ctx.db, { workspaceId: ctx.workspace.id })),
  addBlackout: managerProcedure.input(addBlackoutInput).mutation(({ ctx, input }) => addBlackout(ctx.db, { ...input, ...actorScope(ctx) })),
  removeBlackout: managerProcedure.input(blackoutIdInput).mutation(({ ctx, input }) => removeBlackout(ctx.db, { ...input, ...actorScope(ctx) })),
  brandRules: workspaceProcedure.query(({ ctx }) => getBrandRules(ctx.db, { workspaceId: ctx.workspace.id })),
  updateBrandRules: adminProcedure.input(updateBrandRulesInput).mutation(({ ctx, input }) => updateBrandRules(ctx.db, { ...input, ...actorScope(ctx) })),
});
