// The task board at the large seed (200,000 tasks over 10,000 campaigns, 500
// members): one running campaign's board, and "My tasks" across the workspace
// for the member who signs in, each column's first page with its count.
import postgres from "postgres";
import { listBoard } from "@/server/services/tasks/list-board";
import type { BoardInput } from "@/server/services/tasks/task.schema";
import type { BoardColumn } from "@/server/services/tasks/list-board";
import { benchProcedure } from "../procedure-vs-floor";
import type { BenchContext, Suite, SummaryRow } from "../suite";

/** The member who signs in, and the running campaign with the most open tasks. */
async function subjects(context: BenchContext): Promise<{ userId: string; campaignId: string }> {
  const sql = postgres(context.databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [user] = await sql<{ id: string }[]>`select id from users where email = ${context.seeded.email}`;
    const [campaign] = await sql<{ id: string }[]>`
      select c.id from campaigns c join tasks t on t.campaign_id = c.id and t.status <> 'done'
      where c.workspace_id = ${context.seeded.workspaceId} and c.status = 'active'
      group by c.id order by count(*) desc, c.id limit 1`;
    return { userId: user!.id, campaignId: campaign!.id };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

const describeBoard = (board: BoardColumn[]) => board.map((column) => `${column.status} ${column.cards.length}/${column.total}`).join(", ");

export const tasksSuite: Suite = {
  name: "tasks",
  needs: { database: true, app: true },
  async run(context) {
    const { userId, campaignId } = await subjects(context);
    const scope = { workspaceId: context.seeded.workspaceId, actorId: userId };
    const rows: SummaryRow[] = [];
    for (const [label, input] of [
      ["campaign board", { campaignId, timeZone: "UTC" }],
      ["my tasks", { mine: true, timeZone: "UTC" }],
    ] as [string, BoardInput][]) {
      const measured = await benchProcedure(context, {
        suite: "tasks",
        procedure: "task.board",
        input,
        callService: (db) => listBoard(db, { ...input, ...scope }),
        describeResult: (board) => `${label}: ${describeBoard(board)}`,
      });
      rows.push(...measured.map((row) => ({ ...row, measure: row.measure.replace("task.board", `task.board (${label})`) })));
    }
    return rows;
  },
};
