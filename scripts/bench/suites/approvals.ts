// The approvals queue at the large seed with 20,000 requests (scripts/bench/seed-approvals.ts):
// "Waiting on me" for the member who signs in (about 400 waiting on them) and
// "All pending" (8,000), each the first page of 50 by due time; and the two counts
// read on other pages: the navigation's badge (every page) and the home page's summary.
import postgres from "postgres";
import type { MemberRole } from "@/db/schema/workspaces";
import { countWaitingOnMe, listApprovalQueue } from "@/server/services/approvals/list-approval-queue";
import { summarizeMyApprovals } from "@/server/services/approvals/summarize-my-approvals";
import type { ApprovalQueueInput } from "@/server/services/approvals/approvals.schema";
import { benchProcedure } from "../procedure-vs-floor";
import { seedApprovalRequests } from "../seed-approvals";
import type { Suite, SummaryRow } from "../suite";

export const approvalsSuite: Suite = {
  name: "approvals",
  needs: { database: true, app: true },
  async run(context) {
    const requests = await seedApprovalRequests(context.databaseUrl, { workspaceId: context.seeded.workspaceId, adminEmail: context.seeded.email, scale: context.scale });
    const sql = postgres(context.databaseUrl, { max: 1, onnotice: () => {} });
    const [member] = await sql<{ id: string; role: MemberRole }[]>`
      select users.id, memberships.role from users join memberships on memberships.user_id = users.id
      where users.email = ${context.seeded.email} and memberships.workspace_id = ${context.seeded.workspaceId}`;
    await sql.end({ timeout: 5 });
    console.log(`approvals: ${requests} requests in the large workspace`);
    const scope = { workspaceId: context.seeded.workspaceId, actorId: member!.id, role: member!.role };
    const rows: SummaryRow[] = [];
    for (const view of ["waiting", "pending"] as const) {
      const input: ApprovalQueueInput = { view, sort: "due", limit: 50 };
      const measured = await benchProcedure(context, {
        suite: "approvals",
        procedure: "approval.queue",
        input,
        callService: (db) => listApprovalQueue(db, { ...input, ...scope }),
        describeResult: (result) => `${view}: ${result.rows.length} rows${result.hasMore ? " and more" : ""}, ${result.rows.filter((row) => row.overdue).length} overdue`,
      });
      rows.push(...measured.map((row) => ({ ...row, measure: row.measure.replace("approval.queue", `approval.queue (${view})`) })));
    }
    rows.push(
      ...(await benchProcedure(context, {
        suite: "approvals",
        procedure: "approval.waitingCount",
        input: undefined,
        callService: (db) => countWaitingOnMe(db, scope),
        describeResult: (waiting) => `${waiting} waiting`,
      })),
      ...(await benchProcedure(context, {
        suite: "approvals",
        procedure: "approval.summary",
        input: undefined,
        callService: (db) => summarizeMyApprovals(db, scope),
        describeResult: (summary) => `${summary.waiting} waiting (${summary.overdue} overdue), ${summary.inReview} in review, ${summary.changesRequested} back for changes`,
      })),
    );
    return rows;
  },
};
