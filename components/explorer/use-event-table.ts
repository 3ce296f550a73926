"use client";

import { useTable, type ColumnVisibilityState, type ReactTable, type Updater } from "@tanstack/react-table";
import { useCallback, useMemo } from "react";
import { z } from "zod";

import { eventColumns, eventTableFeatures } from "@/components/explorer/columns";
import { useBrowserPreference } from "@/components/explorer/use-browser-preference";
import type { AuditEvent } from "@/lib/audit-event";

export type EventTable = ReactTable<typeof eventTableFeatures, AuditEvent>;

const visibilitySchema = z.record(z.string(), z.boolean());
const NO_HIDDEN_COLUMNS: ColumnVisibilityState = {};

/** One table instance over the loaded events, with the column choice remembered per browser. */
export function useEventTable(events: AuditEvent[]): EventTable {
  const [stored, setStored] = useBrowserPreference("audit-trail:columns");
  const columnVisibility = useMemo(() => {
    if (stored === null) return NO_HIDDEN_COLUMNS;
    try {
      const parsed = visibilitySchema.safeParse(JSON.parse(stored));
      return parsed.success ? parsed.data : NO_HIDDEN_COLUMNS;
    } catch {
      return NO_HIDDEN_COLUMNS;
    }
  }, [stored]);

  const onColumnVisibilityChange = useCallback(
    (updater: Updater<ColumnVisibilityState>) => {
      const next = typeof updater === "function" ? updater(columnVisibility) : updater;
      setStored(JSON.stringify(next));
    },
    [columnVisibility, setStored],
  );

  return useTable({
    features: eventTableFeatures,
    columns: eventColumns,
    data: events,
    getRowId: (event) => event.id,
    state: { columnVisibility },
    onColumnVisibilityChange,
  });
}
