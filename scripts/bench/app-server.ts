// The app as it runs in production, for the HTTP and UI suites: `next build`
// into .next-bench (apart from other builds of this checkout), the production
// server (`npm start`: scripts/serve.mjs) on a free 127.0.0.1 port against the
// bench database, and a member signed in through Auth.js's own credentials
// endpoint, as the sign-in form's server action does.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { transformer } from "@/server/api/transformer";
import { WORKSPACE_COOKIE } from "@/server/auth/workspace-cookie";

export const BENCH_DIST_DIR = ".next-bench";

const nextBin = createRequire(__filename).resolve("next/dist/bin/next");

function runToEnd(child: ChildProcess, what: string): Promise<string> {
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve(output) : reject(new Error(`${what} failed (exit ${code}):\n${output.slice(-4000)}`))));
  });
}

export async function buildApp(): Promise<number> {
  const started = performance.now();
  // Prerendering opens the embedded database; keep it out of the checkout's own .data.
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "crescendo-bench-build-"));
  try {
    // tsconfig.json lists this folder's type globs already, so the build leaves the file alone.
    const child = spawn(process.execPath, [nextBin, "build"], {
      env: { ...process.env, NODE_ENV: "production", NEXT_DIST_DIR: BENCH_DIST_DIR, NEXT_TELEMETRY_DISABLED: "1", DATA_DIR: dataDir },
      stdio: ["ignore", "pipe", "pipe"],
    });
    await runToEnd(child, "next build");
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
  return (performance.now() - started) / 1000;
}

/** The build folder goes once the run is over: linters and other tools would otherwise walk it. */
export async function removeBuild(): Promise<void> {
  await rm(BENCH_DIST_DIR, { recursive: true, force: true });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface RunningApp {
  baseUrl: string;
  /** The server's process, to read its CPU time from /proc. */
  pid: number;
  close(): Promise<void>;
}

/** With `cpuProfileDir`, the server writes a V8 CPU profile there when it stops (open it in Chrome DevTools). */
export async function startApp(databaseUrl: string, options: { cpuProfileDir?: string; poolSize?: number } = {}): Promise<RunningApp> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "crescendo-bench-app-"));
  const profiling = options.cpuProfileDir ? ["--cpu-prof", `--cpu-prof-dir=${options.cpuProfileDir}`] : [];
  const child = spawn(process.execPath, [...profiling, path.resolve("scripts/serve.mjs")], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: BENCH_DIST_DIR,
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: databaseUrl,
      // As many connections as the floor's pool, so the two differ by the app's own work, not by waiting for a connection.
      ...(options.poolSize ? { DATABASE_POOL_SIZE: String(options.poolSize) } : {}),
      // A DATABASE_URL in production needs a shared secret; this run's own will do.
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: "127.0.0.1",
      APP_URL: baseUrl,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  const keep = (chunk: Buffer) => (log = (log + chunk.toString()).slice(-8000));
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const killed = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(killed);
    }
    await rm(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) {
      await close();
      throw new Error(`The app server exited (${child.exitCode}):\n${log}`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await close();
      throw new Error(`The app did not answer /api/health within 60 s:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { baseUrl, pid: child.pid!, close };
}

function cookiePairs(response: Response): string[] {
  return response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]!);
}

/**
 * The Cookie header of a signed-in session: Auth.js's CSRF token, then its
 * credentials callback, which checks the password and sets the session cookie.
 */
export async function signIn(baseUrl: string, input: { email: string; password: string; workspaceId: string }): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiePairs(csrf).join("; ") },
    body: new URLSearchParams({ email: input.email, password: input.password, csrfToken, callbackUrl: `${baseUrl}/` }),
  });
  const session = cookiePairs(response).find((pair) => pair.startsWith("authjs.session-token="));
  if (!session) throw new Error(`Signing in as ${input.email} set no session cookie (HTTP ${response.status}, to ${response.headers.get("location")})`);
  return `${session}; ${WORKSPACE_COOKIE}=${input.workspaceId}`;
}

/** A tRPC query's GET URL, as the app's client sends it (through its input transformer). */
export function trpcUrl(baseUrl: string, procedure: string, input: unknown): string {
  return `${baseUrl}/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(transformer.input.serialize(input)))}`;
}
