// A small standalone app for tests and benchmarks: its own Inngest client and
// functions behind inngest/node's serve(), plus the executor's event API, on a
// free port of 127.0.0.1. It shows the executor drives any serve() endpoint.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Inngest, type InngestFunction } from "inngest";
import { serve } from "inngest/node";
import { handleEventRequest } from "../event-api";
import type { Database } from "@/db";
import { type ExecutorOptions, WorkflowExecutor } from "../executor";
import { generateSigningKey } from "../signing";

export interface ServeApp {
  url: string;
  serveUrl: string;
  signingKey: string;
  /** The key the event API takes (POST <url>/e/<eventKey>). */
  eventKey: string;
  client: Inngest;
  /** Points the event API at the executor that should take this app's events. */
  attach(executor: WorkflowExecutor): void;
  /** A running executor for this app on `db` (quick polls and retries for tests), synced and taking its events. */
  startExecutor(db: Database, options?: Partial<ExecutorOptions>): Promise<WorkflowExecutor>;
  /** Stops the executors it started, then the server. */
  close(): Promise<void>;
}

type Functions = (client: Inngest) => InngestFunction.Any[];
/** More routes of a test's own; answers true when it took the request. */
type Routes = (path: string, req: IncomingMessage, res: ServerResponse) => boolean;

async function toRequest(req: IncomingMessage, url: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new Request(url, { method: req.method, headers: req.headers as Record<string, string>, body: chunks.length ? Buffer.concat(chunks) : undefined });
}

export async function startServeApp(appId: string, functions: Functions, routes?: Routes): Promise<ServeApp> {
  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.writeHead(503).end();
  const server: Server = createServer((req, res) => handle(req, res));
  // Many keep-alive calls in flight from one executor.
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const signingKey = generateSigningKey();
  const eventKey = `event-key-${appId}`;
  const client = new Inngest({ id: appId, isDev: false, signingKey, eventKey, baseUrl: `${url}/`, checkpointing: false, logger: quietLogger });
  const inngestHandler = serve({ client, functions: functions(client) });
  let executor: WorkflowExecutor | null = null;

  handle = (req, res) => {
    const path = new URL(req.url ?? "/", url).pathname;
    if (path === "/api/inngest") return void inngestHandler(req, res);
    if (routes?.(path, req, res)) return;
    const eventMatch = /^\/e\/([^/]+)$/.exec(path);
    if (eventMatch && executor) {
      const target = executor;
      void toRequest(req, `${url}${req.url}`)
        .then((request) => handleEventRequest(target, request, decodeURIComponent(eventMatch[1]!), eventKey))
        .then(async (response) => {
          res.writeHead(response.status, { "content-type": "application/json" }).end(await response.text());
        })
        .catch((error: unknown) => res.writeHead(500).end(String(error)));
      return;
    }
    res.writeHead(404).end();
  };

  const started: WorkflowExecutor[] = [];
  const serveUrl = `${url}/api/inngest`;
  return {
    url,
    serveUrl,
    signingKey,
    eventKey,
    client,
    attach(next) {
      executor = next;
    },
    async startExecutor(db, options = {}) {
      const next = new WorkflowExecutor({ db, appUrls: [serveUrl], signingKey, pollIntervalMs: 20, backoffMs: () => 50, ...options });
      started.push(next);
      executor = next;
      await next.sync();
      next.start();
      return next;
    },
    async close() {
      await Promise.all(started.map((running) => running.stop()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const quietLogger = { info() {}, warn() {}, error() {}, debug() {} };
