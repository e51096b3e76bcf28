import { z } from "zod";
import { workflowRunStatuses } from "@/db/schema/enum-values";
import { instantCursor } from "@/server/services/shared/cursor.schema";
import { id, int } from "@/server/services/shared/number.schema";
import { text } from "@/server/services/shared/text.schema";

export const runStatusField = z.enum(workflowRunStatuses, { error: `Choose one of: ${workflowRunStatuses.join(", ")}` });

export const runIdInput = z.object({ runId: id("Choose a run") });

export const listRunsInput = z.object({
  status: runStatusField.optional(),
  functionId: text({ required: "Choose a workflow", max: 200 }).optional(),
  /** From a previous page's `nextCursor`: decoded here, so an impossible one is a field error. */
  cursor: instantCursor("That page of runs does not exist").nullish(),
  limit: int({ message: "Show a whole number of runs", min: 1, minMessage: "Show at least one run", max: 100, maxMessage: "Show at most 100 runs a page" }).optional(),
});

export type ListRunsInput = z.infer<typeof listRunsInput>;

export const wakeStepInput = runIdInput.extend({ stepId: text({ required: "Choose a step", max: 200 }) });
