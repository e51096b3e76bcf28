// What the tRPC endpoint refuses before any procedure runs: writes from other
// origins or in anything but JSON (an HTML form can post multipart or
// urlencoded bodies across sites, but not JSON), and batches of more than
// MAX_BATCH_CALLS calls (each call is a query or a write; an unbounded batch
// lets one request do unbounded work). The client's batch link sends at most
// the same number, so the app itself never meets the limit.
import { TRPCError } from "@trpc/server";
import { appUrl } from "@/server/env";
import { checkSameOrigin } from "@/server/security/same-origin";
import { MAX_BATCH_CALLS } from "./batch-limit";

export { MAX_BATCH_CALLS };

function mediaType(headers: Headers): string {
  return headers.get("content-type")?.split(";", 1)[0]?.trim().toLowerCase() ?? "";
}

/** How many procedure calls a request carries: the comma-separated paths of a batch. */
export function countCalls(url: URL, endpoint: string): number {
  if (url.searchParams.get("batch") !== "1") return 1;
  const paths = decodeURIComponent(url.pathname.slice(endpoint.length).replace(/^\//, ""));
  return paths.split(",").length;
}

/** The error to answer with instead of running the request, or null to run it. */
export function refuseRequest(request: Request, endpoint: string): TRPCError | null {
  const calls = countCalls(new URL(request.url), endpoint);
  if (calls > MAX_BATCH_CALLS) {
    return new TRPCError({ code: "BAD_REQUEST", message: `A request may batch at most ${MAX_BATCH_CALLS} calls; this one had ${calls}. Send them in smaller batches.` });
  }
  if (request.method === "GET") return null;
  const origin = checkSameOrigin(request.headers, appUrl());
  if (!origin.ok) {
    return new TRPCError({ code: "FORBIDDEN", message: `Changes must come from Crescendo's own pages; ${origin.reason}.` });
  }
  if (mediaType(request.headers) !== "application/json") {
    return new TRPCError({ code: "UNSUPPORTED_MEDIA_TYPE", message: "Send the request body as JSON (Content-Type: application/json)." });
  }
  return null;
}
