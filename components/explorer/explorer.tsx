"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo } from "react";

import { ArchiveStatusLine } from "@/components/explorer/archive-status-line";
import { DemoBanner } from "@/components/explorer/demo-banner";
import { EventResults } from "@/components/explorer/event-results";
import { ExportMenu } from "@/components/explorer/export-menu";
import { FilterBar } from "@/components/explorer/filter-bar/filter-bar";
import { InvalidFilters } from "@/components/explorer/invalid-filters";
import { findUserEmailInput, isTypingTarget } from "@/components/explorer/keyboard";
import { parseFilters } from "@/lib/filters";
import { auditTrailQueryKey } from "@/lib/query-options";
import { useOpenEvent } from "@/lib/search-params";

/**
 * The interactive page. The filters come from the page URL through lib/filters.ts, exactly as the
 * server parsed them for its prefetch, so the hydrated first page sits under the key asked for here.
 */
export function Explorer({ demo }: { demo: boolean }) {
  const search = useSearchParams().toString();
  const parsed = useMemo(() => parseFilters(new URLSearchParams(search), ["event"]), [search]);
  const [openEventId, setOpenEventId] = useOpenEvent();

  const open = useCallback((eventId: string) => void setOpenEventId(eventId), [setOpenEventId]);
  const close = useCallback(() => void setOpenEventId(null), [setOpenEventId]);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== "/" || event.metaKey || event.ctrlKey || event.altKey || isTypingTarget(event.target)) return;
      const input = findUserEmailInput();
      if (!input) return;
      event.preventDefault();
      input.focus();
      input.select();
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);

  return (
    <main className="flex min-h-0 flex-1 flex-col">
      {demo && <DemoBanner />}
      <h1 className="sr-only">Audit trail</h1>
      <div className="px-3 pt-3 sm:px-4">
        <FilterBar urlInvalid={!parsed.ok}>
          {/* Exports exactly the table's result set; nothing while the URL's filters are invalid. */}
          <ExportMenu filters={parsed.ok ? parsed.value : null} />
        </FilterBar>
      </div>
      <ArchiveStatusLine />
      {parsed.ok ? (
        // A new filter state is a new result set: remounting resets scroll and keyboard position.
        <EventResults
          key={JSON.stringify(auditTrailQueryKey(parsed.value))}
          filters={parsed.value}
          openEventId={openEventId}
          onOpen={open}
          onClose={close}
        />
      ) : (
        <InvalidFilters error={parsed.error} search={search} />
      )}
    </main>
  );
}
