"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo } from "react";

import { EmptyState } from "@/components/explorer/empty-state";
import { ErrorMessage } from "@/components/explorer/error-message";
import { EventDetail } from "@/components/explorer/event-detail";
import { EventTable } from "@/components/explorer/event-table";
import { NewEventsButton } from "@/components/explorer/new-events-button";
import { ResultsFooter } from "@/components/explorer/results-footer";
import { ResultsToolbar } from "@/components/explorer/results-toolbar";
import { TableSkeleton } from "@/components/explorer/table-skeleton";
import { useEventTable } from "@/components/explorer/use-event-table";
import { useNewEvents } from "@/components/explorer/use-new-events";
import type { AuditEvent } from "@/lib/audit-event";
import { DEFAULT_PAGE_SIZE, type AuditTrailFilters } from "@/lib/filters";
import { auditTrailQueryOptions } from "@/lib/query-options";

// A link to one event (`event=<id>`) may point past the first page: keep loading pages to find it,
// but not forever, since Merge has no way to fetch one event by id.
const MAX_PAGES_TO_FIND_EVENT = 20;

const NO_EVENTS: AuditEvent[] = [];

type EventResultsProps = {
  filters: AuditTrailFilters;
  openEventId: string | null;
  onOpen: (eventId: string) => void;
  onClose: () => void;
};

/** The result set of one filter state: loading, error, empty, or the table and its detail panel. */
export function EventResults({ filters, openEventId, onOpen, onClose }: EventResultsProps) {
  const query = useInfiniteQuery(auditTrailQueryOptions(filters));
  const { data, hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage, refetch } = query;
  const events = useMemo(() => data?.pages.flatMap((page) => page.results) ?? NO_EVENTS, [data]);
  const table = useEventTable(events);
  const newEvents = useNewEvents(filters, data ? events : null);

  // One page at a time: a second call while one is loading would cancel and restart it.
  const loadMore = useCallback(() => {
    if (!isFetchingNextPage) void fetchNextPage();
  }, [fetchNextPage, isFetchingNextPage]);

  const openEvent = openEventId === null ? undefined : events.find((event) => event.id === openEventId);
  const searching =
    openEventId !== null &&
    openEvent === undefined &&
    hasNextPage &&
    !isFetchNextPageError &&
    (data?.pages.length ?? 0) < MAX_PAGES_TO_FIND_EVENT;

  useEffect(() => {
    if (searching && !isFetchingNextPage) void fetchNextPage();
  }, [searching, isFetchingNextPage, fetchNextPage]);

  // The second page is fetched as soon as the first is shown, so the first scroll never waits;
  // later pages follow as the end nears (EventTable).
  const onlyFirstPage = data?.pages.length === 1;
  useEffect(() => {
    if (onlyFirstPage && hasNextPage && !isFetchingNextPage && !isFetchNextPageError) void fetchNextPage();
  }, [onlyFirstPage, hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage]);

  if (query.isPending) return <TableSkeleton />;
  if (query.isError && !data) return <ErrorMessage error={query.error} onRetry={() => void refetch()} />;
  if (events.length === 0) {
    return (
      <>
        <NewEventsButton newEvents={newEvents} />
        <EmptyState filters={filters} />
      </>
    );
  }

  return (
    <>
      <ResultsToolbar table={table} count={events.length} />
      <NewEventsButton newEvents={newEvents} />
      <EventTable
        key={newEvents.tableKey}
        scrollRef={newEvents.tableRef}
        table={table}
        openEventId={openEventId}
        onOpen={onOpen}
        hasNextPage={hasNextPage}
        canLoadMore={!isFetchingNextPage && !isFetchNextPageError}
        onLoadMore={loadMore}
        prefetchDistance={Math.ceil((filters.page_size ?? DEFAULT_PAGE_SIZE) / 2)}
      >
        <ResultsFooter
          hasNextPage={hasNextPage}
          isFetchingNextPage={isFetchingNextPage}
          nextPageError={isFetchNextPageError ? query.error : null}
          onLoadMore={loadMore}
        />
      </EventTable>
      {openEventId !== null && (
        <EventDetail
          eventId={openEventId}
          event={openEvent}
          searching={searching}
          searched={{ count: events.length, complete: !hasNextPage }}
          filters={filters}
          onClose={onClose}
        />
      )}
    </>
  );
}
