import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { headers } from "next/headers";
import { redirect } from "next/navigation";

import { getQueryClient } from "@/app/get-query-client";
import { Explorer } from "@/components/explorer/explorer";
import { parseFilters } from "@/lib/filters";
import { auditTrailQueryOptions, type FetchAuditTrailPage } from "@/lib/query-options";
import { signInPath } from "@/lib/server/auth/callback-url";
import { getPageSession } from "@/lib/server/auth/session";
import { getServerConfig } from "@/lib/server/config";
import { openQueryCursor, sealPageCursors } from "@/lib/server/cursor-seal";
import { withLostQueryParams } from "@/lib/server/lost-query-params";
import { listAuditEvents } from "@/lib/server/merge/client";
import { isDemoUpstream } from "@/lib/upstream";

// The first page is fetched here, on the server, under the key the browser will ask for: a shared
// link shows its events at first paint, with no round trip through our own API.

type SearchParams = Record<string, string | string[] | undefined>;

function toUrlSearchParams(searchParams: SearchParams): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(searchParams)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) params.append(key, item);
  }
  return params;
}

/** The server's fetcher for `user`: cursors are opened and sealed exactly as our API does. */
function fetchPageFromMerge(user: string): FetchAuditTrailPage {
  return async (filters, cursor, signal) => {
    const { page } = await listAuditEvents(openQueryCursor({ ...filters, cursor: cursor ?? undefined }, user), { signal, user });
    return { ...page, ...sealPageCursors(page, user) };
  };
}

export default async function HomePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = withLostQueryParams(toUrlSearchParams(await searchParams), await headers());
  // proxy.ts already sends visitors without a session to sign-in; this page calls Merge itself,
  // so it checks again rather than trust that nothing ever routes around the proxy.
  const session = await getPageSession();
  if (!session) redirect(signInPath(params.size > 0 ? `/?${params}` : "/"));

  const demo = isDemoUpstream(getServerConfig().upstream);
  const parsed = parseFilters(params, ["event"]);
  const queryClient = getQueryClient();
  // An invalid URL fetches nothing: Explorer shows the hint from the same parse.
  if (parsed.ok) await queryClient.prefetchInfiniteQuery(auditTrailQueryOptions(parsed.value, fetchPageFromMerge(session.email)));

  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <Explorer demo={demo} />
    </HydrationBoundary>
  );
}
