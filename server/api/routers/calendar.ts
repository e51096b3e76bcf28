import { getCalendarRange } from "@/server/services/calendar/get-calendar-range";
import { createTRPCRouter, workspaceProcedure } from "../trpc";
import { calendarRangeInput } from "./calendar.schema";

export const calendarRouter = createTRPCRouter({
  range: workspaceProcedure.input(calendarRangeInput).query(({ ctx, input }) => getCalendarRange(ctx.db, { ...input, workspaceId: ctx.workspace.id })),
});
