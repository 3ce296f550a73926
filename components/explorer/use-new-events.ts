"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type RefObject } from "react";

import { countNewEvents, mayHaveNewEvents, NEW_EVENTS_PAGE_SIZE, NO_NEW_EVENTS, type NewEvents } from "@/components/explorer/new-events";
import { useToast } from "@/components/ui/toast";
import type { AuditEvent } from "@/lib/audit-event";
import { archiveStatusQueryOptions } from "@/lib/archive-status";
import { pickFilters, type AuditTrailFilters } from "@/lib/filters";
import { fetchAuditTrailPageFromApi } from "@/lib/fetch-audit-trail-page";
import { auditTrailQueryOptions, auditTrailStatsQueryOptions } from "@/lib/query-options";

export type NewEventsState = NewEvents & {
  /** Brings the new events in: the table starts again from a fresh first page, at its top. */
  show: () => void;
  showing: boolean;
  /** The table's key: a new one after `show`, so the table opens at its top with no row selected. */
  tableKey: number;
  /** The table's scroll box, which takes the focus once the new events are in. */
  tableRef: RefObject<HTMLDivElement | null>;
};

/**
 * Events newer than the table's top row, learnt from the archive's status: when its newest event is
 * newer than the top row, a fresh first page (kept apart from the table's cache, so no row on screen
 * moves) says how many. `shown` is the table's rows, null until its first page is in. Nothing
 * happens without an archive.
 */
export function useNewEvents(filters: AuditTrailFilters, shown: readonly AuditEvent[] | null): NewEventsState {
  const queryClient = useQueryClient();
  const toast = useToast();
  const status = useQuery(archiveStatusQueryOptions());
  const newestInArchive = status.data && status.data.mode !== "off" ? status.data.newest_event_at : null;
  const top = shown?.[0];
  // Only once the table has its rows. The status's arrival time stands for "now": the range's end
  // is judged when the archive last spoke.
  const looking = shown !== null && mayHaveNewEvents(filters, top, newestInArchive, status.dataUpdatedAt);

  const head = useQuery({
    // Apart from the table's key ("audit-trail"): this page never replaces a row on screen.
    queryKey: ["audit-trail-head", pickFilters(filters), newestInArchive] as const,
    queryFn: ({ signal }) => fetchAuditTrailPageFromApi({ ...filters, page_size: NEW_EVENTS_PAGE_SIZE }, null, signal),
    enabled: looking,
    // One look per archive head: a new head is a new key.
    staleTime: Infinity,
    gcTime: 60_000,
    retry: false,
    // While the next head is counted, the button keeps the last count instead of blinking out.
    placeholderData: keepPreviousData,
  });
  const found = looking && head.data ? countNewEvents(head.data, top) : NO_NEW_EVENTS;

  const [tableKey, setTableKey] = useState(0);
  const tableRef = useRef<HTMLDivElement>(null);
  const table = auditTrailQueryOptions(filters);
  const bringIn = useMutation({
    mutationFn: async () => {
      const firstPage = await fetchAuditTrailPageFromApi(filters, null);
      // A page loading further down would land on the old pages: it is dropped, as they are.
      await queryClient.cancelQueries({ queryKey: table.queryKey, exact: true });
      queryClient.setQueryData(table.queryKey, { pages: [firstPage], pageParams: [null] });
      // The total, histogram and top values now miss the new events: count again.
      void queryClient.invalidateQueries({ queryKey: auditTrailStatsQueryOptions(filters).queryKey, exact: true });
    },
    onSuccess: () => setTableKey((key) => key + 1),
    onError: (error) => toast(`The new events could not be loaded: ${error.message}`),
  });

  useEffect(() => {
    if (tableKey > 0) tableRef.current?.focus();
  }, [tableKey]);

  return {
    ...found,
    show: () => {
      if (!bringIn.isPending) bringIn.mutate();
    },
    showing: bringIn.isPending,
    tableKey,
    tableRef,
  };
}
