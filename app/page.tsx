import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { Suspense } from "react";

import { getQueryClient } from "@/app/get-query-client";
import { AccessLogDownNotice } from "@/components/access-log/access-log-down-notice";
import { Explorer } from "@/components/explorer/explorer";
import { signInPath } from "@/lib/api-errors";
import { readExplorerUrl, type ExplorerUrl } from "@/lib/explorer-url";
import { resolveQueryRange, type AuditTrailFilters } from "@/lib/filters";
import type { FetchAuditTrailPage } from "@/lib/fetch-audit-trail-page";
import { archiveStatusQueryOptions } from "@/lib/archive-status";
import { auditTrailQueryOptions } from "@/lib/query-options";
import { appDependencies } from "@/lib/server/app-dependencies";
import { getPageSession } from "@/lib/server/auth/session";
import { getServerConfig } from "@/lib/server/config";
import { archiveStatus } from "@/lib/server/archive/runtime";
import { getAuditTrailSource } from "@/lib/server/audit-trail-source";
import { openQueryCursor, sealPageCursors } from "@/lib/server/cursor-seal";
import { withLostQueryParams } from "@/lib/server/lost-query-params";
import { readReaderTimeZone } from "@/lib/server/reader-time-zone";
import { recordView } from "@/lib/server/records/record-view";
import { isDemoUpstream } from "@/lib/upstream";

// The first page is fetched here, on the server, under the key the browser will ask for: a shared
// link shows its events at first paint, with no round trip through our own API. With the archive,
// its status line comes in the same HTML. The figures above the table do not: counting can take a
// second where a page takes milliseconds (200,000 events), so the browser asks for them and the
// explorer keeps their space from the first paint.

type SearchParams = Record<string, string | string[] | undefined>;

function toUrlSearchParams(searchParams: SearchParams): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(searchParams)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) params.append(key, item);
  }
  return params;
}

/** The server's fetcher for `user`: cursors are opened and sealed exactly as our API does. */
function fetchPageFromSource(user: string): FetchAuditTrailPage {
  return async (filters, cursor, signal) => {
    const query = openQueryCursor({ ...filters, cursor: cursor ?? undefined }, user);
    const { page } = await getAuditTrailSource().listPage(query, { signal, user });
    return { ...page, ...sealPageCursors(page, user) };
  };
}

/**
 * The URL's filters with a relative range resolved at this instant, which the explorer is given to
 * resolve at too: its first key is then this prefetch's. Without `tz`, calendar days are the reader's
 * as their browser last named its zone (UTC on a first visit): the explorer resolves again only if
 * the browser's zone is another.
 */
function resolveNow(url: ExplorerUrl, readerZone: string | null): { filters: AuditTrailFilters | null; serverNow: number } {
  const serverNow = Date.now();
  const tz = url.timeZone ?? readerZone ?? "UTC";
  return { filters: url.filters && resolveQueryRange({ ...url.filters, tz }, new Date(serverNow)), serverNow };
}

export default async function HomePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = withLostQueryParams(toUrlSearchParams(await searchParams), await headers());
  // proxy.ts already sends visitors without a session to sign-in; this page calls Merge itself,
  // so it checks again rather than trust that nothing ever routes around the proxy.
  const session = await getPageSession();
  if (!session) redirect(signInPath(params.size > 0 ? `/?${params}` : "/"));

  const config = getServerConfig();
  const demo = isDemoUpstream(config.upstream);
  const archive = config.archive.mode !== "off";
  const source = getAuditTrailSource();
  // The same reading the explorer makes; a URL whose filters cannot be used fetches nothing.
  const { filters, serverNow } = resolveNow(readExplorerUrl(params, { archive }), await readReaderTimeZone());
  const queryClient = getQueryClient();
  const requestHeaders = await headers();
  // The first page (and, with the archive, its cheap status line) goes first, and the HTML waits for
  // nothing else. On the embedded database (one connection, on this process's thread) the view's
  // record and the sync's nudge (a lease renewal, a stored page) would otherwise queue ahead of the
  // read: the record starts after it, and its notice streams in behind the rows should it fail; the
  // nudge waits until the response is sent.
  const prefetched = Promise.all([
    filters && queryClient.prefetchInfiniteQuery(auditTrailQueryOptions(filters, fetchPageFromSource(session.email))),
    archive && queryClient.prefetchQuery(archiveStatusQueryOptions(archiveStatus)),
  ]);
  const recorded = prefetched.then(() => (filters ? recordView(appDependencies.records, session.email, filters, requestHeaders) : true));
  after(() => source.nudge());
  await prefetched;

  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <Explorer
        demo={demo}
        archive={archive}
        serverNow={serverNow}
        accessLogNotice={
          <Suspense fallback={null}>
            <AccessLogNotice recorded={recorded} />
          </Suspense>
        }
      />
    </HydrationBoundary>
  );
}

/** Nothing once the view is recorded; the notice when the access log could not store it. */
async function AccessLogNotice({ recorded }: { recorded: Promise<boolean> }) {
  return (await recorded) ? null : <AccessLogDownNotice />;
}
