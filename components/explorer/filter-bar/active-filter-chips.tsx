"use client";

import { useTimeZone } from "@/components/explorer/use-time-zone";
import { useHydrated } from "@/components/use-hydrated";
import { RANGE_LABELS, type DateRange } from "@/lib/date-presets";
import { EVENT_GROUP_SLUGS, eventTypeLabel, type EventGroupSlug } from "@/lib/event-types";
import type { FilterPatch } from "@/lib/explorer-url";
import { removeValue, type AuditTrailFilters, type MultiValueKey } from "@/lib/filters";

import { formatDateTimeIn } from "./local-datetime";

type Chip = { name: string; value: string; remove: FilterPatch };

/** What a relative range covers as last resolved: "from <start>", or "<start> to <end>". */
function coverageText({ start_date, end_date }: DateRange, formatDate: (iso: string) => string): string {
  if (start_date && end_date) return `${formatDate(start_date)} to ${formatDate(end_date)}`;
  return start_date ? `from ${formatDate(start_date)}` : "";
}

function chipsFor(filters: AuditTrailFilters, covered: DateRange, formatDate: (iso: string) => string): Chip[] {
  const chips: Chip[] = [];
  // One chip per value of a repeatable filter; an excluded one says "not".
  const valueChips = (key: MultiValueKey, name: string, show: (value: string) => string = (value) => value) => {
    const filter = filters[key];
    if (!filter) return;
    const chip = (value: string, excluded: boolean): Chip => ({
      name,
      value: excluded ? `not ${show(value)}` : show(value),
      remove: { [key]: removeValue<string>(filter, value) ?? null },
    });
    chips.push(...filter.include.map((value) => chip(value, false)), ...filter.exclude.map((value) => chip(value, true)));
  };
  valueChips("user_email", "User email");
  valueChips("event_type", "Event type", eventTypeLabel);
  valueChips("event_group", "Event group", (slug) => EVENT_GROUP_SLUGS[slug as EventGroupSlug]);
  valueChips("role", "Role");
  if (filters.actor) chips.push({ name: "Actor", value: filters.actor, remove: { actor: null } });
  valueChips("ip", "IP address");
  if (filters.q) chips.push({ name: "Search", value: filters.q, remove: { q: null } });
  // Not "Oldest first": that is the toggle's own name, and a chip must not answer to it.
  if (filters.order) chips.push({ name: "Order", value: "ascending", remove: { order: null } });
  if (filters.range) {
    const coverage = coverageText(covered, formatDate);
    const value = coverage ? `${RANGE_LABELS[filters.range]} (${coverage})` : RANGE_LABELS[filters.range];
    chips.push({ name: "Date range", value, remove: { range: null } });
  } else {
    if (filters.start_date) chips.push({ name: "From", value: formatDate(filters.start_date), remove: { start_date: null } });
    if (filters.end_date) chips.push({ name: "To", value: formatDate(filters.end_date), remove: { end_date: null } });
  }
  return chips;
}

type ActiveFilterChipsProps = {
  filters: AuditTrailFilters;
  /** The dates the table covers (a relative range's, as last resolved). */
  covered: DateRange;
  /** No result set is shown, so "showing all events" would not be true. */
  linkUnusable: boolean;
  onRemove: (patch: FilterPatch) => void;
  onClear: () => void;
};

/** The active filters as removable chips, then "Clear filters". */
export function ActiveFilterChips({ filters, covered, linkUnusable, onRemove, onClear }: ActiveFilterChipsProps) {
  // Until hydrated, dates show as ISO UTC (what the server can render), then in the display zone.
  const hydrated = useHydrated();
  const { timeZone } = useTimeZone();
  const chips = chipsFor(filters, covered, hydrated ? (iso) => formatDateTimeIn(iso, timeZone) : (iso) => iso);
  return (
    <div className="flex min-w-0 flex-wrap items-center gap-2">
      <span className="text-xs text-zinc-600 dark:text-zinc-400">
        {chips.length > 0 ? "Filters:" : linkUnusable ? "No filters" : "No filters: showing all events"}
      </span>
      {chips.length > 0 ? (
      <ul aria-label="Active filters" className="flex max-w-full flex-wrap items-center gap-2">
        {chips.map((chip) => (
          <li
            key={`${chip.name}: ${chip.value}`}
            className="inline-flex max-w-full items-center gap-1 rounded-full border border-zinc-300 bg-zinc-50 py-0.5 pl-2.5 pr-1 text-xs dark:border-zinc-700 dark:bg-zinc-900"
          >
            <span className="min-w-0 truncate">
              <span className="text-zinc-600 dark:text-zinc-400">{chip.name}:</span> {chip.value}
            </span>
            <button
              type="button"
              aria-label={`Remove filter ${chip.name}: ${chip.value}`}
              title={`Remove filter ${chip.name}`}
              onClick={() => onRemove(chip.remove)}
              className="shrink-0 rounded-full p-0.5 text-zinc-500 hover:bg-zinc-200 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:hover:bg-zinc-700 dark:hover:text-zinc-100"
            >
              <svg aria-hidden="true" viewBox="0 0 16 16" className="size-3.5 fill-none stroke-current stroke-2">
                <path d="M4 4l8 8M12 4l-8 8" />
              </svg>
            </button>
          </li>
        ))}
      </ul>
      ) : null}
      {chips.length > 0 ? (
        <button
          type="button"
          onClick={onClear}
          className="rounded px-1.5 py-0.5 text-xs font-medium text-indigo-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600 dark:text-indigo-300"
        >
          Clear filters
        </button>
      ) : null}
    </div>
  );
}
