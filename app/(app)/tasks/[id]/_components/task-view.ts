import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

/** The task as the page reads it (`task.get`). */
export type TaskView = inferRouterOutputs<AppRouter>["task"]["get"];
