"use client";

import type { MouseEvent } from "react";

import { FACET_KEYS, type AuditTrailStats, type FacetKey } from "@/lib/audit-trail-stats";
import { eventTypeLabel } from "@/lib/event-types";

import type { FacetAction } from "./facet-filter";

// "Top values": the most frequent users, event types, roles and IPs of the result set, with counts.
// A value's button adds it as a filter; Shift+click, or the row's "Exclude" button (the same from
// the keyboard), excludes it instead.

/** How many values of each facet are listed: enough to see who dominates, short enough to scan. */
const SHOWN_VALUES = 5;

const FACET_TITLES: Record<FacetKey, { title: string; noun: string }> = {
  user_email: { title: "Users", noun: "user" },
  event_type: { title: "Event types", noun: "event type" },
  role: { title: "Roles", noun: "role" },
  ip_address: { title: "IP addresses", noun: "IP address" },
};

type TopValuesProps = {
  /** Undefined until the first figures arrive: the lists' places are kept, empty. */
  facets: AuditTrailStats["facets"] | undefined;
  onFilter: (facet: FacetKey, value: string, action: FacetAction) => void;
};

function valueText(facet: FacetKey, value: string): string {
  return facet === "event_type" ? eventTypeLabel(value) : value;
}

export function TopValues({ facets, onFilter }: TopValuesProps) {
  return (
    <section aria-label="Top values" className="flex flex-col gap-1">
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        Click a value to filter by it; <kbd className="font-sans font-semibold">Shift</kbd>+click it, or its − button, to
        exclude it.
      </p>
      <div className="grid grid-cols-1 gap-x-4 gap-y-2 sm:grid-cols-2 xl:grid-cols-4">
        {FACET_KEYS.map((facet) => (
          <FacetList key={facet} facet={facet} values={facets?.[facet].slice(0, SHOWN_VALUES)} onFilter={onFilter} />
        ))}
      </div>
    </section>
  );
}

function FacetList({
  facet,
  values,
  onFilter,
}: {
  facet: FacetKey;
  values: AuditTrailStats["facets"][FacetKey] | undefined;
  onFilter: TopValuesProps["onFilter"];
}) {
  const { title, noun } = FACET_TITLES[facet];
  const headingId = `top-values-${facet}`;
  const max = Math.max(1, ...(values ?? []).map((value) => value.count));
  return (
    // As tall as SHOWN_VALUES rows (1.25rem each) whatever it lists, so a list never moves the table.
    <div className="grid min-w-0 grid-rows-[1rem_6.25rem]">
      <h2 id={headingId} className="text-xs font-semibold text-zinc-700 dark:text-zinc-300">
        {title}
      </h2>
      {values === undefined ? (
        <div />
      ) : values.length === 0 ? (
        <p className="text-xs text-zinc-600 dark:text-zinc-400">None in these events</p>
      ) : (
        <ul aria-labelledby={headingId} className="flex flex-col">
          {values.map(({ value, count }) => {
            const text = valueText(facet, value);
            const counted = `${count.toLocaleString("en-US")} ${count === 1 ? "event" : "events"}`;
            return (
              <li key={value} className="group relative flex items-center gap-1 text-xs">
                {/* How large a share of the listed values this one is, behind its row. */}
                <span
                  aria-hidden="true"
                  className="absolute inset-y-0.5 left-0 rounded-sm bg-indigo-50 dark:bg-indigo-500/15"
                  style={{ width: `${(count / max) * 100}%` }}
                />
                <button
                  type="button"
                  title={`Filter by this ${noun}; Shift+click to exclude it`}
                  aria-label={`Filter by ${noun} ${text}, ${counted}`}
                  onClick={(event: MouseEvent) => onFilter(facet, value, event.shiftKey ? "exclude" : "include")}
                  className="relative flex min-w-0 flex-1 items-baseline justify-between gap-2 rounded px-1 py-0.5 text-left hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600"
                >
                  <span className="min-w-0 truncate text-zinc-900 dark:text-zinc-100">{text}</span>
                  <span className="shrink-0 tabular-nums text-zinc-600 dark:text-zinc-400">{count.toLocaleString("en-US")}</span>
                </button>
                <button
                  type="button"
                  title={`Exclude this ${noun}`}
                  aria-label={`Exclude ${noun} ${text}`}
                  onClick={() => onFilter(facet, value, "exclude")}
                  className="relative shrink-0 rounded px-1 text-zinc-500 hover:bg-zinc-200 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:hover:bg-zinc-700 dark:hover:text-zinc-100"
                >
                  <span aria-hidden="true">−</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
