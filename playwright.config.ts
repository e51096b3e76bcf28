// Journeys run against the production build on a free port, with a fresh
// embedded database seeded with the demo data.
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunchOptions as launchOptions } from "./e2e/chromium";

function freePort(): string {
  const script = "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})";
  return execFileSync(process.execPath, ["-e", script]).toString().trim();
}

// Set once in the main process; workers inherit it, so they all agree on the port.
process.env.E2E_PORT ??= freePort();
const port = process.env.E2E_PORT;
export const baseURL = `http://127.0.0.1:${port}`;
// The server's embedded database, made here (not by the server script, which ends by exec) so the
// global teardown knows which folder to remove.
process.env.E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), "crescendo-e2e-"));

export default defineConfig({
  testDir: "e2e",
  globalTeardown: "./e2e/global-teardown.ts",
  fullyParallel: true,
  // Three on two cores: a journey often waits (on the server, a background run, a live update),
  // and a third fills those waits; the subset of tasks, campaigns and team journeys took 2.9 min with three, 3.7 with two.
  workers: 3,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: [["list"]],
  // A budget against hangs, not a speed check: with three workers on two cores a short journey took 28 s.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    // A trace records every action of every test (screenshots, DOM snapshots): about a sixth of the
    // journeys' time, for a file only a local run can open. E2E_TRACE=1 keeps the traces of failures.
    trace: process.env.E2E_TRACE === "1" ? "retain-on-failure" : "off",
    screenshot: "only-on-failure",
    launchOptions,
  },
  projects: [
    { name: "setup", testMatch: /.*\.setup\.ts/ },
    {
      name: "chromium",
      use: { ...devices["Desktop Chrome"], launchOptions },
      dependencies: ["setup"],
    },
  ],
  webServer: {
    command: "bash scripts/e2e-server.sh",
    url: `${baseURL}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    // SIGTERM, which the server answers by exiting: a profile asked for with E2E_NODE_FLAGS gets written.
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    stdout: "pipe",
    stderr: "pipe",
    env: { PORT: port, APP_URL: baseURL, DATA_DIR: process.env.E2E_DATA_DIR, NEXT_TELEMETRY_DISABLED: "1" },
  },
});
