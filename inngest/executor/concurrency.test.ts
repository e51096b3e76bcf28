import { eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import { workflowRuns } from "@/db/schema";
import { test } from "@/db/test-db";
import { WorkflowExecutor } from "./executor";
import { startServeApp } from "./testing/serve-app";
import { waitFor } from "./testing/wait-for";

describe("a per-function concurrency limit", () => {
  test("never lets more steps of the function run at once than its limit, across two executors", async ({ db }) => {
    let running = 0;
    let mostAtOnce = 0;
    const app = await startServeApp("limits", (client) => [
      client.createFunction({ id: "one-at-a-time", concurrency: { limit: 2 }, triggers: [{ event: "limits/go" }] }, async ({ step }) => {
        for (const name of ["a", "b"]) {
          await step.run(name, async () => {
            running += 1;
            mostAtOnce = Math.max(mostAtOnce, running);
            // Linger until others could join (or a moment passes), so an ignored limit would show.
            for (let waited = 0; running < 3 && waited < 200; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
            running -= 1;
          });
        }
        return "done";
      }),
    ]);
    const executors = [1, 2].map(() => new WorkflowExecutor({ db, appUrls: [app.serveUrl], signingKey: app.signingKey, pollIntervalMs: 10, concurrency: 10 }));
    try {
      for (const executor of executors) await executor.sync();
      await executors[0]!.send(Array.from({ length: 8 }, (_, i) => ({ name: "limits/go", data: { i } })));
      for (const executor of executors) executor.start();
      await waitFor(async () => {
        const done = await db.select().from(workflowRuns).where(eq(workflowRuns.status, "completed"));
        return done.length === 8;
      }, "8 completed runs");
      expect(mostAtOnce).toBeGreaterThan(0);
      expect(mostAtOnce).toBeLessThanOrEqual(2);
    } finally {
      await Promise.all(executors.map((executor) => executor.stop()));
      await app.close();
    }
  });
});
