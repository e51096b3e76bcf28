// @ts-check
// The production server: `next start`, plus one thing Next cannot do for a route
// handler: tell it the socket's address. Every request's x-crescendo-client-address
// header is replaced with the address the connection came from, so the sign-in
// limits count attempts by an address a client cannot choose (server/auth/client-address.ts).
// Usage: node scripts/serve.mjs   (PORT, default 3000; HOST, default every interface)
import { createServer } from "node:http";

// As `next start` does; set before Next loads, which reads it at import.
process.env.NODE_ENV ??= "production";
const { default: next } = await import("next");

const CLIENT_ADDRESS_HEADER = "x-crescendo-client-address";
const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || undefined;

const app = next({ dev: false, hostname: host ?? "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  req.headers[CLIENT_ADDRESS_HEADER] = req.socket.remoteAddress ?? "unknown";
  handle(req, res).catch((error) => {
    console.error("[serve] request failed", error);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
})
  .listen(port, host, () => {
    console.log(`Crescendo: listening on http://${host ?? "localhost"}:${port}`);
  })
  .on("error", (error) => {
    console.error("[serve]", error);
    process.exit(1);
  });

// Node closes an idle kept-alive socket after 5 s, which races a client (a proxy, a browser, a test's
// request context) sending its next request on it at that moment: the client sees ECONNRESET. Keep idle
// sockets longer than the usual client and load-balancer pools do (60 s), so the client closes first.
server.keepAliveTimeout = 65_000;
// Must exceed keepAliveTimeout, or a slow request's headers can be cut off on a reused socket.
server.headersTimeout = 66_000;

// Stop on the signals `next start` stops on, so scripts and test runners can end the server.
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => process.exit(0));
