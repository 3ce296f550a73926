import { isServer, QueryClient } from "@tanstack/react-query";

// One QueryClient per server request (no data shared between users), one for the browser's lifetime
// (so Back to an earlier filter state is served from the cache).

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Re-walking every loaded page on focus would cost one upstream call per page.
        refetchOnWindowFocus: false,
      },
    },
  });
}

let browserQueryClient: QueryClient | undefined;

export function getQueryClient(): QueryClient {
  if (isServer) return makeQueryClient();
  browserQueryClient ??= makeQueryClient();
  return browserQueryClient;
}
