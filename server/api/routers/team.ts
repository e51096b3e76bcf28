import { addSkill, removeSkill } from "@/server/services/team/edit-skill-catalogue";
import { getTeamWorkload } from "@/server/services/team/get-team-workload";
import { listTeamProfiles } from "@/server/services/team/list-team-profiles";
import { addTimeOff, removeTimeOff } from "@/server/services/team/time-off";
import { updateMemberProfile } from "@/server/services/team/update-member-profile";
import { actorScope, createTRPCRouter, managerProcedure, memberProcedure, workspaceProcedure } from "../trpc";
import { addTimeOffInput, skillInput, timeOffIdInput, updateProfileInput } from "@/server/services/team/team.schema";

export const teamRouter = createTRPCRouter({
  profiles: workspaceProcedure.query(({ ctx }) => listTeamProfiles(ctx.db, { workspaceId: ctx.workspace.id })),
  workload: workspaceProcedure.query(({ ctx }) => getTeamWorkload(ctx.db, { workspaceId: ctx.workspace.id })),
  updateProfile: memberProcedure.input(updateProfileInput).mutation(({ ctx, input }) => updateMemberProfile(ctx.db, { ...input, ...actorScope(ctx) })),
  addTimeOff: memberProcedure.input(addTimeOffInput).mutation(({ ctx, input }) => addTimeOff(ctx.db, { ...input, ...actorScope(ctx) })),
  removeTimeOff: memberProcedure.input(timeOffIdInput).mutation(({ ctx, input }) => removeTimeOff(ctx.db, { ...input, ...actorScope(ctx) })),
  addSkill: managerProcedure.input(skillInput).mutation(({ ctx, input }) => addSkill(ctx.db, { ...input, ...actorScope(ctx) })),
  removeSkill: managerProcedure.input(skillInput).mutation(({ ctx, input }) => removeSkill(ctx.db, { ...input, ...actorScope(ctx) })),
});
