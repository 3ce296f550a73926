"use client";

import { useId, useState, type ReactNode } from "react";

import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/use-hydrated";

import { patchFilters, type FilterPatch } from "@/lib/explorer-url";
import { DEFAULT_PAGE_SIZE, onlyValue, valueFilterOf, type AuditTrailFilters } from "@/lib/filters";

import { ActiveFilterChips } from "./active-filter-chips";
import { ArchiveFilters } from "./archive-filters";
import { CopyLinkButton } from "./copy-link-button";
import { DateRangeFilter } from "./date-range-filter";
import { EventTypeCombobox } from "./event-type-combobox";
import { PageSizeSelect } from "./page-size-select";
import { UserEmailFilter } from "./user-email-filter";

export { USER_EMAIL_INPUT_NAME } from "./user-email-filter";

const NO_FILTERS: AuditTrailFilters = {};

type FilterBarProps = {
  /** The page URL's filters (lib/explorer-url.ts), or null when they cannot be used (the page says why). */
  filters: AuditTrailFilters | null;
  /** The same filters as the table fetches them: a relative range resolved into dates (null with `filters`). */
  window: AuditTrailFilters | null;
  /** False with ARCHIVE=off: the controls only the archive can serve are shown disabled, with the reason. */
  archive: boolean;
  /** The event open in the detail panel, for "Copy link". */
  openEvent: string | null;
  /** Changes the filters the page URL holds (given the latest ones, returns the next). */
  onFiltersChange: (update: (filters: AuditTrailFilters) => AuditTrailFilters) => void;
  /** Actions shown after "Copy link", e.g. the Export menu. */
  children?: ReactNode;
};

/**
 * The explorer's filters. All state lives in the page URL, read once by the explorer and written
 * back whole on every change: each change is a history entry, so Back and Forward move between
 * filter states and a link shows the same view.
 */
export function FilterBar({ filters: urlFilters, window, archive, openEvent, onFiltersChange, children }: FilterBarProps) {
  // A link whose filters cannot be used shows none here either: the bar shows what the table shows.
  const filters = urlFilters ?? NO_FILTERS;
  const setFilters = (patch: FilterPatch) => onFiltersChange((latest) => patchFilters(latest, patch));
  // The page size is a view preference, not a filter: clearing keeps it.
  const clearFilters = () => onFiltersChange((latest) => ({ page_size: latest.page_size }));
  const covered = { start_date: window?.start_date, end_date: window?.end_date };
  const hydrated = useHydrated();
  const controlsId = useId();
  // Below the `sm` breakpoint the controls fold away behind a button; the chips stay as the summary.
  const [controlsOpen, setControlsOpen] = useState(false);

  // Editing "From" or "To" of a relative range starts from the dates it covers, and makes it custom.
  function changeDates(patch: FilterPatch) {
    if (!filters.range) return setFilters(patch);
    setFilters({ range: null, start_date: covered.start_date ?? null, end_date: covered.end_date ?? null, ...patch });
  }

  return (
    <div role="search" aria-label="Filter events" className="border-b border-zinc-200 pb-3 dark:border-zinc-800">
      {/* The server's HTML cannot act on input yet: disabled until hydrated, rather than drop what is typed. */}
      <fieldset disabled={!hydrated} className="flex min-w-0 flex-col gap-2">
        <Button
          className="self-start sm:hidden"
          aria-expanded={controlsOpen}
          aria-controls={controlsId}
          onClick={() => setControlsOpen((open) => !open)}
        >
          Edit filters
          <svg aria-hidden="true" viewBox="0 0 16 16" className={`size-4 fill-none stroke-current stroke-2 ${controlsOpen ? "rotate-180" : ""}`}>
            <path d="M4 6l4 4 4-4" />
          </svg>
        </Button>
        <div
          id={controlsId}
          className={`${controlsOpen ? "flex" : "hidden"} flex-wrap items-start gap-x-3 gap-y-2 sm:flex`}
        >
          <UserEmailFilter
            value={onlyValue(filters.user_email)}
            onApply={(email) => setFilters({ user_email: email === null ? null : valueFilterOf(email) })}
          />
          <EventTypeCombobox
            value={{ event_type: filters.event_type, event_group: filters.event_group }}
            multiple={archive}
            onChange={(selection) =>
              setFilters({ event_type: selection.event_type ?? null, event_group: selection.event_group ?? null })
            }
          />
          <ArchiveFilters filters={filters} archive={archive} onChange={setFilters} />
          <DateRangeFilter
            range={covered}
            relative={filters.range}
            onRelative={(range) => setFilters({ range, start_date: null, end_date: null })}
            onChange={changeDates}
          />
          <PageSizeSelect
            value={filters.page_size ?? DEFAULT_PAGE_SIZE}
            onChange={(pageSize) => setFilters({ page_size: pageSize })}
          />
        </div>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <ActiveFilterChips
            filters={filters}
            covered={covered}
            linkUnusable={urlFilters === null}
            onRemove={(patch) => setFilters(patch)}
            onClear={clearFilters}
          />
          <div className="flex items-center gap-2">
            <CopyLinkButton filters={urlFilters} window={window} openEvent={openEvent} />
            {children}
          </div>
        </div>
      </fieldset>
    </div>
  );
}
