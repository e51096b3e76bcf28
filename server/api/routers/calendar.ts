import { getCalendarRange } from "@/server/services/calendar/get-calendar-range";
import { listCalendarFilterOptions } from "@/server/services/calendar/list-filter-options";
import { createTRPCRouter, workspaceProcedure } from "../trpc";
import { calendarRangeInput } from "@/server/services/calendar/calendar.schema";

export const calendarRouter = createTRPCRouter({
  range: workspaceProcedure.input(calendarRangeInput).query(({ ctx, input }) => getCalendarRange(ctx.db, { ...input, workspaceId: ctx.workspace.id })),
  filterOptions: workspaceProcedure.query(({ ctx }) => listCalendarFilterOptions(ctx.db, { workspaceId: ctx.workspace.id })),
});
