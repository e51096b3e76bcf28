import { sql } from "drizzle-orm";
import { approvalRequests, campaigns, contentItems, invitations, tasks, users, workflowRuns, workflowSteps, workspaces } from "@/db/schema";

// The columns describeRun needs beside a run's own, as subqueries on workflow_runs
// (each by primary key or the steps' (run_id, step_id) key, so a page of runs stays cheap).

const invitationId = sql`${workflowRuns.event}->'data'->>'invitationId'`;
const taskId = sql`${workflowRuns.event}->'data'->>'taskId'`;
const userId = sql`${workflowRuns.event}->'data'->>'userId'`;
const requestId = sql`${workflowRuns.event}->'data'->>'requestId'`;
const uuidPattern = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";

/** The columns to spread into a select from workflow_runs. */
export const runFactsColumns = {
  workspaceName: sql<string | null>`(select ${workspaces.name} from ${workspaces} where ${workspaces.id} = ${workflowRuns.workspaceId})`,
  // Event data is whatever was sent: only a well-formed id is cast, so odd data reads as "no invitee".
  inviteeEmail: sql<string | null>`(select ${invitations.email} from ${invitations}
    where ${invitations.id} = case when ${invitationId} ~* ${uuidPattern} then (${invitationId})::uuid end
      and ${invitations.workspaceId} = ${workflowRuns.workspaceId})`,
  /** The name of the member a run is about (their notification emails, their digests). */
  memberName: sql<string | null>`(select ${users.name} from ${users}
    where ${users.id} = case when ${userId} ~* ${uuidPattern} then (${userId})::uuid end)`,
  /** The title of the task a run is about (reminders), while the task exists. */
  taskTitle: sql<string | null>`(select ${tasks.title} from ${tasks}
    where ${tasks.id} = case when ${taskId} ~* ${uuidPattern} then (${taskId})::uuid end
      and ${tasks.workspaceId} = ${workflowRuns.workspaceId})`,
  /** What an approval request a run is about asks to approve: the item's title, or the campaign's plan. */
  approvalTitle: sql<string | null>`(select coalesce(${contentItems.title}, ${campaigns.name} || ': the plan') from ${approvalRequests}
    left join ${contentItems} on ${contentItems.id} = ${approvalRequests.contentItemId}
    left join ${campaigns} on ${campaigns.id} = ${approvalRequests.campaignId}
    where ${approvalRequests.id} = case when ${requestId} ~* ${uuidPattern} then (${requestId})::uuid end
      and ${approvalRequests.workspaceId} = ${workflowRuns.workspaceId})`,
  // By name: the stored step id is the SDK's hash of it.
  pausedStep: sql<string | null>`(select ${workflowSteps.name} from ${workflowSteps}
    where ${workflowSteps.runId} = ${workflowRuns.id} and ${workflowSteps.status} in ('sleeping', 'waiting')
    order by ${workflowSteps.dueAt} asc nulls last limit 1)`,
  wakesAt: sql<Date | null>`(select ${workflowSteps.dueAt} from ${workflowSteps}
    where ${workflowSteps.runId} = ${workflowRuns.id} and ${workflowSteps.status} in ('sleeping', 'waiting')
    order by ${workflowSteps.dueAt} asc nulls last limit 1)`.mapWith(workflowSteps.dueAt),
};
