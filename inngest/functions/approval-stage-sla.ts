// "approval/stage.started": the stage's SLA for that round. It emails each
// approver their review link, then waits for the round to end
// ("approval/stage.ended" for this request and round) until each checkpoint of
// the plan (server/services/approvals/sla/stage-checkpoints.ts): reminders, then
// the policy's timeout ladder (remind, escalate, approve automatically or
// expire). A decision ends the round, so the waiting run finishes. Every step
// re-reads the locked request first: a round that ended while a step ran (when
// no wait was listening) makes the next step do nothing and the run end.
import type { Inngest } from "inngest";
import { type Database, getDb } from "@/db";
import { emailStageApprovers } from "@/server/services/approvals/sla/email-stage-approvers";
import { planStageSla } from "@/server/services/approvals/sla/plan-stage-sla";
import { type CheckpointOutcome, runStageCheckpoint } from "@/server/services/approvals/sla/run-stage-checkpoint";
import { inngest } from "../client";
import { approvalStageEnded, approvalStageStarted } from "../events";

/** The function on a client and database of the caller's choosing (tests drive it on their own). */
export function approvalStageSlaFunction(client: Inngest, database: () => Promise<Database>) {
  return client.createFunction(
    { id: "approval-stage-sla", name: "Approval stage deadlines", triggers: [approvalStageStarted] },
    async ({ event, step }) => {
      const round = { workspaceId: event.data.workspaceId, requestId: event.data.requestId, round: event.data.round };
      const plan = await step.run("plan-checkpoints", async () => planStageSla(await database(), round));
      if ("skipped" in plan) return plan;
      await step.run("email-approvers", async () => emailStageApprovers(await database(), round));
      const outcomes: Record<string, CheckpointOutcome | string> = {};
      for (const checkpoint of plan.checkpoints) {
        const ended = await step.waitForEvent(`wait-for-${checkpoint.name}`, {
          event: approvalStageEnded,
          timeout: new Date(checkpoint.at),
          if: "async.data.requestId == event.data.requestId && async.data.round == event.data.round",
        });
        if (ended) return { ...outcomes, [checkpoint.name]: "not needed: the round ended first" };
        const outcome = await step.run(checkpoint.name, async () => runStageCheckpoint(await database(), { ...round, checkpoint }));
        outcomes[checkpoint.name] = outcome;
        if ("skipped" in outcome || "ended" in outcome) break;
      }
      return outcomes;
    },
  );
}

export const approvalStageSla = approvalStageSlaFunction(inngest, getDb);
