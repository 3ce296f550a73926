"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, type ReactNode } from "react";

import { useRecordEventOpened } from "@/components/access-log/use-record-event-opened";
import { ArchiveStatusLine } from "@/components/explorer/archive-status-line";
import { DemoBanner } from "@/components/explorer/demo-banner";
import { EventResults } from "@/components/explorer/event-results";
import { ExportMenu } from "@/components/explorer/export-menu";
import { FilterBar } from "@/components/explorer/filter-bar/filter-bar";
import { findUserEmailInput, isTypingTarget } from "@/components/explorer/keyboard";
import { applyFacet } from "@/components/explorer/stats/facet-filter";
import { ResultStats } from "@/components/explorer/stats/result-stats";
import { useAuditTrailStats } from "@/components/explorer/stats/use-audit-trail-stats";
import { KeyboardShortcuts } from "@/components/explorer/keyboard-shortcuts";
import { UrlProblems } from "@/components/explorer/url-problems";
import { useExplorerUrlWriter } from "@/components/explorer/use-explorer-url-writer";
import { useResolvedFilters } from "@/components/explorer/use-resolved-filters";
import { DisplayZoneContext, useBrowserTimeZone, type DisplayZone } from "@/components/explorer/use-time-zone";
import { SaveViewButton } from "@/components/views/save-view-button";
import { ViewsMenu } from "@/components/views/views-menu";
import { patchFilters, readExplorerUrl } from "@/lib/explorer-url";
import type { AuditTrailFilters } from "@/lib/filters";
import { auditTrailQueryKey } from "@/lib/query-options";

/**
 * The interactive page. Its URL is read once, by readExplorerUrl, exactly as the server read it for
 * its prefetch (so the hydrated first page sits under the key asked for here); the filter bar, the
 * table, the export and "Copy link" all get that one reading. A relative range is resolved into
 * dates (useResolvedFilters) for everything that fetches; the filter bar edits the URL's own filters.
 */
export function Explorer({
  demo,
  archive,
  accessLogNotice,
  serverNow,
}: {
  demo: boolean;
  archive: boolean;
  /** Streamed in by the page once the visit is recorded: the notice when it could not be. */
  accessLogNotice?: ReactNode;
  /** The instant (ms) the server resolved a relative range at for its prefetch. */
  serverNow: number;
}) {
  const search = useSearchParams().toString();
  const url = useMemo(() => readExplorerUrl(new URLSearchParams(search), { archive }), [search, archive]);
  const { filters: urlFilters, event, timeZone: chosenZone } = url;
  // A link whose filters cannot be used is edited from no filters, as the filter bar shows it.
  const view = useMemo(() => ({ filters: urlFilters ?? {}, event, timeZone: chosenZone }), [urlFilters, event, chosenZone]);
  const updateUrl = useExplorerUrlWriter(view, search);
  const browserZone = useBrowserTimeZone();
  const zone = useMemo<DisplayZone>(
    () => ({
      timeZone: chosenZone ?? browserZone ?? "UTC",
      chosen: chosenZone,
      setTimeZone: (timeZone) => updateUrl((current) => ({ ...current, timeZone })),
    }),
    [chosenZone, browserZone, updateUrl],
  );
  // What the table, the stats and the export show: the URL's filters, a relative range as dates.
  const { resolved: filters, renew } = useResolvedFilters(urlFilters, zone.timeZone, serverNow);
  useRecordEventOpened(event);

  const open = useCallback((eventId: string) => updateUrl((current) => ({ ...current, event: eventId })), [updateUrl]);
  const close = useCallback(() => updateUrl((current) => ({ ...current, event: null })), [updateUrl]);
  // A new result set keeps the open event: its panel then says whether the event is in it.
  // A change of filters is a new result set: a relative range in it is resolved as it is written.
  const changeFilters = useCallback(
    (update: (filters: AuditTrailFilters) => AuditTrailFilters) =>
      updateUrl((current) => {
        const next = update(current.filters);
        renew(next);
        return { ...current, filters: next };
      }),
    [updateUrl, renew],
  );
  const stats = useAuditTrailStats(filters, archive);

  useEffect(() => {
    function onKeyDown(keyEvent: KeyboardEvent) {
      if (keyEvent.key !== "/" || keyEvent.metaKey || keyEvent.ctrlKey || keyEvent.altKey || isTypingTarget(keyEvent.target)) return;
      const input = findUserEmailInput();
      if (!input) return;
      keyEvent.preventDefault();
      input.focus();
      input.select();
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);

  return (
    <DisplayZoneContext value={zone}>
      <main className="flex min-h-0 flex-1 flex-col">
        {demo && <DemoBanner />}
        {accessLogNotice}
        <h1 className="sr-only">Audit trail</h1>
        <div className="px-3 pt-3 sm:px-4">
          <FilterBar filters={urlFilters} window={filters} archive={archive} openEvent={event} onFiltersChange={changeFilters}>
            {/* A view saves the URL's own filters: "Last hour" stays relative. */}
            <SaveViewButton filters={urlFilters} />
            <ViewsMenu />
            {/* Exports exactly the table's result set; nothing while the URL's filters cannot be used. */}
            <ExportMenu filters={filters} total={stats.isPlaceholderData ? undefined : stats.data?.total} />
            <KeyboardShortcuts />
          </FilterBar>
        </div>
        <UrlProblems problems={url.problems} search={search} />
        <ArchiveStatusLine />
        {filters && (
          <ResultStats
            archive={archive}
            stats={stats}
            onSelectRange={(range) => changeFilters((current) => patchFilters(current, range))}
            onFacet={(facet, value, action) => changeFilters((current) => applyFacet(current, facet, value, action))}
          />
        )}
        {filters && (
          // A new filter state is a new result set: remounting resets scroll and keyboard position.
          <EventResults
            key={JSON.stringify(auditTrailQueryKey(filters))}
            filters={filters}
            openEventId={event}
            onOpen={open}
            onClose={close}
          />
        )}
      </main>
    </DisplayZoneContext>
  );
}
