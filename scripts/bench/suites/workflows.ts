// The workflow executor's own benchmark (scripts/bench-workflows.ts), run as a
// child process on its own throwaway PostgreSQL. Its report is passed through
// as it comes and its headline figures folded into the summary: runs/s with one
// and two app instances, and each one's CPU per run (SDK, executor, PostgreSQL).
import { runBenchScript } from "../child-script";
import type { Suite, SummaryRow } from "../suite";

export const workflowsSuite: Suite = {
  name: "workflows",
  needs: { database: false, app: false },
  async run(context) {
    // Full scale is bench-workflows' own default (10,000 runs with one instance, then with two: about 10 minutes).
    const args = context.scale === "small" ? ["--runs=1000", "--sleepers=200"] : [];
    const { output, code } = await runBenchScript("scripts/bench-workflows.ts", args);
    const rows: SummaryRow[] = [];
    const row = (measure: string, result: string | undefined, target = "", verdict = "") => {
      if (result) rows.push({ suite: "workflows", measure, result, target, verdict });
    };
    for (const match of output.matchAll(/^throughput, (\d+) instances?: (\d+ runs in .*? = ([\d.]+) runs\/s)(?:.*)\n\s+CPU per run: (.*)$/gm)) {
      const instances = Number(match[1]);
      // The goal is for two instances on this two-core machine.
      const goal = instances === 2;
      row(`throughput, ${instances} instance${instances > 1 ? "s" : ""}`, match[2], goal ? ">= 100 runs/s" : "", goal ? (Number(match[3]) >= 100 ? "ok" : "MISSED") : "");
      row(`CPU per run, ${instances} instance${instances > 1 ? "s" : ""}`, match[4]);
    }
    row("timer lateness (next step started)", /next step started:\s+(.*)$/m.exec(output)?.[1]);
    const duplicates = /duplicate step executions: (\d+)/.exec(output)?.[1];
    row("duplicate step executions", duplicates, "0", duplicates === undefined ? "" : duplicates === "0" ? "ok" : "MISSED");
    if (code !== 0 || rows.length === 0) row("run", `bench-workflows exited with code ${code}`, "exit 0", "MISSED");
    return rows;
  },
};
