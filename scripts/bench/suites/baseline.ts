// What every request pays before a service runs, to read the other suites
// against: /api/health (Next's routing and one `select 1`) and workspace.current
// (adds tRPC, superjson, the Auth.js session cookie and the membership lookup
// that every workspace procedure does). No targets: these are the reference.
import { trpcUrl } from "../app-server";
import { describe, loadHttp } from "../measure";
import { atLevel, type Suite, type SummaryRow } from "../suite";

export const baselineSuite: Suite = {
  name: "baseline",
  needs: { database: true, app: true },
  async run(context) {
    const { baseUrl, cookie } = context.app;
    const rows: SummaryRow[] = [];
    const targets = [
      { measure: "/api/health over HTTP", url: `${baseUrl}/api/health` },
      { measure: "workspace.current over HTTP", url: trpcUrl(baseUrl, "workspace.current", undefined) },
    ];
    for (const { measure, url } of targets) {
      const probe = await fetch(url, { headers: { cookie } });
      if (!probe.ok) throw new Error(`${measure} answered HTTP ${probe.status}: ${(await probe.text()).slice(0, 300)}`);
      for (const level of context.load.levels) {
        const summary = await loadHttp(url, { cookie }, { ...atLevel(context.load, level), serverPid: context.app.pid });
        console.log(`${measure} at ${level}: ${describe(summary)}`);
        rows.push({ suite: "baseline", measure: `${measure} at ${level}`, result: describe(summary), target: "", verdict: "" });
      }
    }
    return rows;
  },
};
