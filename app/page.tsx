import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { redirect } from "next/navigation";

import { getQueryClient } from "@/app/get-query-client";
import { Explorer } from "@/components/explorer/explorer";
import { signInPath } from "@/lib/api-errors";
import { readExplorerUrl } from "@/lib/explorer-url";
import type { FetchAuditTrailPage } from "@/lib/fetch-audit-trail-page";
import { auditTrailQueryOptions } from "@/lib/query-options";
import { getPageSession } from "@/lib/server/auth/session";
import { getServerConfig } from "@/lib/server/config";
import { getAuditTrailSource } from "@/lib/server/audit-trail-source";
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

const fetchPageFromSource: FetchAuditTrailPage = async (filters, cursor, signal) =>
  (await getAuditTrailSource().listPage({ ...filters, cursor: cursor ?? undefined }, { signal })).page;

export default async function HomePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = toUrlSearchParams(await searchParams);
  // proxy.ts already sends visitors without a session to sign-in; this page calls Merge itself,
  // so it checks again rather than trust that nothing ever routes around the proxy.
  if (!(await getPageSession())) redirect(signInPath(params.size > 0 ? `/?${params}` : "/"));

  const demo = isDemoUpstream(getServerConfig().upstream);
  getAuditTrailSource().nudge();
  // The same reading the explorer makes; a URL whose filters cannot be used fetches nothing.
  const { filters } = readExplorerUrl(params);
  const queryClient = getQueryClient();
  if (filters) await queryClient.prefetchInfiniteQuery(auditTrailQueryOptions(filters, fetchPageFromSource));

  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <Explorer demo={demo} />
    </HydrationBoundary>
  );
}
