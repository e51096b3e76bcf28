// The task reminder ladder's benchmark (scripts/bench-reminders.ts), run as a
// child process on its own throwaway PostgreSQL: time to arm 10,000 reminder
// runs, lateness of the reminders against their due times, and no stale or
// duplicate sends after 2,000 tasks change while they wait.
import { runBenchScript } from "../child-script";
import type { Suite, SummaryRow } from "../suite";

export const remindersSuite: Suite = {
  name: "reminders",
  needs: { database: false, app: false },
  async run(context) {
    // Full scale is bench-reminders' own default (10,000 tasks due over 5 minutes: about 10 minutes in all).
    const args = context.scale === "small" ? ["--tasks=1000", "--changed=100", "--completed=100", "--window=60"] : [];
    const { output, code } = await runBenchScript("scripts/bench-reminders.ts", args);
    const rows: SummaryRow[] = [];
    const row = (measure: string, result: string | undefined, target = "", verdict = "") => {
      if (result) rows.push({ suite: "reminders", measure, result, target, verdict });
    };
    row("arm reminder runs", /^\s+arm: (.*?);/m.exec(output)?.[1]);
    const lateness = /lateness against the due time: (.*?) \(target/m.exec(output)?.[1];
    const p99 = Number(/p99 (\d+) ms/.exec(lateness ?? "")?.[1]);
    row("reminder lateness", lateness, "p99 < 1 s", lateness ? (p99 < 1000 ? "ok" : "MISSED") : "");
    for (const [measure, pattern] of [
      ["stale sends", /stale sends: (\d+)/],
      ["duplicate sends", /duplicate sends: (\d+)/],
    ] as const) {
      const value = pattern.exec(output)?.[1];
      row(measure, value, "0", value === undefined ? "" : value === "0" ? "ok" : "MISSED");
    }
    if (code !== 0 || rows.length === 0) row("run", `bench-reminders exited with code ${code}`, "exit 0", "MISSED");
    return rows;
  },
};
