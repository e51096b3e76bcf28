import { defaultShouldDehydrateQuery, QueryClient } from "@tanstack/react-query";
import { transformer } from "@/server/api/transformer";

/** One factory for the server (per request) and the browser (one per tab). */
export function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000 },
      dehydrate: {
        // Prefetched answers travel from the server's render to the browser as tRPC answers do.
        serializeData: transformer.output.serialize,
        // Stream queries still pending on the server instead of refetching them.
        shouldDehydrateQuery: (query) => defaultShouldDehydrateQuery(query) || query.state.status === "pending",
      },
      hydrate: { deserializeData: transformer.output.deserialize },
    },
  });
}
