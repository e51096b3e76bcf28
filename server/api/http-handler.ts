// The tRPC endpoint over HTTP: the request checks, the router, and one error
// log. The route (app/api/trpc) passes the request's context; tests pass one of
// their own (and a logger to read), so they run the same handler a browser reaches.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { Logger } from "pino";
import { logError, logger } from "@/server/logger";
import { refuseRequest } from "./request-checks";
import { appRouter } from "./root";
import type { TRPCContext } from "./trpc";

export const TRPC_ENDPOINT = "/api/trpc";

export function handleTrpcRequest(req: Request, createContext: () => Promise<TRPCContext>, log: Logger = logger): Promise<Response> {
  return fetchRequestHandler({
    endpoint: TRPC_ENDPOINT,
    req,
    router: appRouter,
    // The context is made before any call runs, so a refusal here stops every call of the request.
    createContext: () => {
      const refusal = refuseRequest(req, TRPC_ENDPOINT);
      if (refusal) throw refusal;
      return createContext();
    },
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") logError(`tRPC ${path ?? "?"} failed`, error.cause ?? error, { path }, log);
    },
  });
}
