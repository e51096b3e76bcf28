import { z } from "zod";
import { workflowRunStatuses } from "@/db/schema/enum-values";

export const runStatusField = z.enum(workflowRunStatuses, { error: `Choose one of: ${workflowRunStatuses.join(", ")}` });

export const runIdInput = z.object({ runId: z.uuid("Choose a run") });

export const listRunsInput = z.object({
  status: runStatusField.optional(),
  functionId: z.string().min(1).max(200).optional(),
  /** From a previous page's `nextCursor`. */
  cursor: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, "That page of runs does not exist")
    .nullish(),
  limit: z.number().int().min(1).max(100).optional(),
});

export const wakeStepInput = runIdInput.extend({ stepId: z.string().min(1, "Choose a step").max(200) });
