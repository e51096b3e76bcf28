// Auto-assignment at size: one campaign's 1,000 unassigned tasks handed out over
// 200 members in one run (assignment.assignCampaign's service, straight on
// PostgreSQL, no HTTP), in a workspace of its own on a throwaway server. The
// members have skills, capacities and time off, and already carry 5,000 open
// tasks over the coming weeks, so the run reads a real load. Each run is undone
// before the next. Target: under 200 ms in total for the 1,000 tasks.
import { sql } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { campaigns, memberships, tasks, timeOff, users, workspaces } from "@/db/schema";
import { assignCampaignAutomatically } from "@/server/services/tasks/assign-automatically";
import { addDays } from "@/server/services/timeline/business-days";
import { createDatabase, startPostgres, stopPostgres } from "../postgres";
import type { Suite, SummaryRow } from "../suite";
import { verdict } from "../suite";

const MEMBERS = 200;
const TASKS = 1_000;
const EXISTING = 5_000;
const RUNS = 7;
const TARGET_MS = 200;
const SKILLS = ["copywriting", "design", "video", "social", "email", "seo", "analytics", "events"];

const today = new Date().toISOString().slice(0, 10);
const dueIn = (i: number) => new Date(`${addDays(today, 3 + (i % 35))}T${String(9 + (i % 8)).padStart(2, "0")}:00:00Z`);

export const assignmentSuite: Suite = {
  name: "assignment",
  needs: { database: false, app: false },
  async run() {
    const server = await startPostgres();
    try {
      const url = await createDatabase(server, "assignment");
      const handle = await openDatabase({ kind: "postgres", url, maxConnections: 2 });
      try {
        await migrateDatabase(handle, url);
        const db = handle.db;
        const [workspace] = await db.insert(workspaces).values({ name: "Assignment bench", holidayCountry: "DE", timeZone: "Europe/Berlin" }).returning();
        const people = await db
          .insert(users)
          .values(Array.from({ length: MEMBERS }, (_, i) => ({ email: `member-${i}@assignment.bench`, name: `Member ${String(i).padStart(3, "0")}`, passwordHash: "-" })))
          .returning({ id: users.id });
        await db.insert(memberships).values(
          people.map((person, i) => ({
            workspaceId: workspace!.id,
            userId: person.id,
            role: i === 0 ? ("admin" as const) : ("marketer" as const),
            // Two or three skills each, so every skill has about 60 members.
            skills: [SKILLS[i % 8]!, SKILLS[(i + 3) % 8]!, ...(i % 2 ? [SKILLS[(i + 5) % 8]!] : [])],
            weeklyCapacityHours: [40, 32, 24, 40, 20][i % 5]!,
          })),
        );
        await db.insert(timeOff).values(people.filter((_, i) => i % 10 === 0).map((person, i) => ({ workspaceId: workspace!.id, userId: person.id, startDate: addDays(today, 5 + i), endDate: addDays(today, 9 + i) })));
        const [campaign] = await db.insert(campaigns).values({ workspaceId: workspace!.id, name: "Launch", type: "product_launch", ownerId: people[0]!.id, startDate: today, launchDate: addDays(today, 40), endDate: addDays(today, 50) }).returning();
        const rows = (count: number, assigned: boolean) =>
          Array.from({ length: count }, (_, i) => ({
            workspaceId: workspace!.id,
            campaignId: assigned ? null : campaign!.id,
            title: `${assigned ? "Existing" : "Bench"} task ${i}`,
            assigneeId: assigned ? people[i % MEMBERS]!.id : null,
            dueAt: dueIn(i * 7),
            estimateHours: 1 + (i % 6),
            requiredSkills: i % 4 === 0 ? [SKILLS[i % 8]!, SKILLS[(i + 3) % 8]!] : [SKILLS[i % 8]!],
            position: `a${String(i).padStart(5, "0")}`,
          }));
        for (let i = 0; i < EXISTING; i += 1000) await db.insert(tasks).values(rows(EXISTING, true).slice(i, i + 1000));
        await db.insert(tasks).values(rows(TASKS, false));
        await db.execute(sql`analyze`);

        const times: number[] = [];
        let last = { assigned: 0, unassigned: 0 };
        for (let run = 0; run < RUNS; run++) {
          const started = performance.now();
          const result = await assignCampaignAutomatically(db, { workspaceId: workspace!.id, actorId: people[0]!.id, campaignId: campaign!.id });
          times.push(performance.now() - started);
          last = { assigned: result.assigned.length, unassigned: result.unassigned.length };
          await db.execute(sql`update tasks set assignee_id = null, assignment_reason = null where campaign_id = ${campaign!.id}`);
        }
        const sorted = [...times].sort((a, b) => a - b);
        const median = sorted[Math.floor(RUNS / 2)]!;
        console.log(`runs (ms): ${times.map((ms) => ms.toFixed(0)).join(", ")}; last run assigned ${last.assigned}, left ${last.unassigned} unassigned`);
        const rowsOut: SummaryRow[] = [
          {
            suite: "assignment",
            measure: `assignCampaign: ${TASKS} tasks over ${MEMBERS} members (median of ${RUNS}, first run ${times[0]!.toFixed(0)} ms)`,
            result: `${median.toFixed(0)} ms (${last.assigned} assigned, ${last.unassigned} refused)`,
            target: `< ${TARGET_MS} ms`,
            verdict: verdict(median < TARGET_MS),
          },
          { suite: "assignment", measure: "assignCampaign: slowest run", result: `${sorted.at(-1)!.toFixed(0)} ms`, target: "", verdict: "" },
        ];
        return rowsOut;
      } finally {
        await handle.close();
      }
    } finally {
      await stopPostgres(server);
    }
  },
};
