import { useQueryState, useQueryStates } from "nuqs";
import {
  createLoader,
  createParser,
  createSerializer,
  type inferParserType,
  type LoaderInput,
  type Nullable,
} from "nuqs/server";

import {
  DEFAULT_PAGE_SIZE,
  FILTER_KEYS,
  parseFilters,
  toSearchParams,
  type AuditTrailFilters,
  type QueryError,
} from "@/lib/filters";

// The page URL's state, derived from lib/filters.ts: each parser validates its value through the
// same schema as our route and the upstream query, so a URL the page accepts is one Merge accepts.
// Parsers come from "nuqs/server" (usable on both sides) and nothing here imports React, so server
// components can load filters with the same code the client hook uses.

type FilterParam = keyof AuditTrailFilters;

/** A parser for one of Merge's parameters: the value goes through `parseFilters`, like a request would. */
function filterParser<K extends FilterParam>(key: K) {
  return createParser<NonNullable<AuditTrailFilters[K]>>({
    parse: (value) => {
      const result = parseFilters(new URLSearchParams([[key, value]]));
      return result.ok ? (result.value[key] ?? null) : null;
    },
    serialize: (value) => String(value),
  });
}

// The mapped type makes the compiler hold this object to Merge's names: a key added to or removed
// from lib/filters.ts breaks the build here until the parser follows. Order is toSearchParams' order.
const filterParsers = {
  user_email: filterParser("user_email"),
  event_type: filterParser("event_type"),
  start_date: filterParser("start_date"),
  end_date: filterParser("end_date"),
  page_size: filterParser("page_size").withDefault(DEFAULT_PAGE_SIZE),
} satisfies { [K in FilterParam]-?: unknown };

/** The open event in the detail panel; any non-empty id (Merge's ids are opaque strings). */
export const eventParser = createParser<string>({
  parse: (value) => (value.trim() === "" ? null : value),
  serialize: (value) => value,
});

export const auditTrailSearchParams = { ...filterParsers, event: eventParser };

// Every filter change is a history entry, so Back and Forward walk between filter states.
const URL_OPTIONS = { history: "push" } as const;

/** The raw per-field values in the URL (null when absent or invalid). */
export type FilterValues = inferParserType<typeof filterParsers>;

export type FilterState = {
  /** The filters to query with: validated, canonical, default page size omitted. */
  filters: AuditTrailFilters;
  /** Set when the URL's values conflict (an end before the start); that end is then left out. */
  problem: QueryError | null;
};

/**
 * The URL's values as one validated filter object. Per-field checks already ran in the parsers;
 * this runs the cross-field rule (end not before start) through the same schema.
 */
export function filtersFromValues(values: FilterValues): FilterState {
  const candidate: AuditTrailFilters = {};
  for (const key of FILTER_KEYS) {
    const value = values[key];
    if (value !== null) candidate[key] = value;
  }
  if (values.page_size !== DEFAULT_PAGE_SIZE) candidate.page_size = values.page_size;

  const result = parseFilters(toSearchParams(candidate));
  if (result.ok) return { filters: result.value, problem: null };
  // Only the cross-field rule can fail here, and the schema reports it on end_date.
  const withoutEnd = { ...candidate };
  delete withoutEnd.end_date;
  return { filters: withoutEnd, problem: result.error };
}

const loadValues = createLoader(filterParsers);

/** Server side (page.tsx, route handlers): the same filters the client hook will compute. */
export function loadAuditTrailFilters(input: LoaderInput): FilterState {
  return filtersFromValues(loadValues(input));
}

const serialize = createSerializer(auditTrailSearchParams);

/** The page's path and query for these filters (and an open event), e.g. for links and pivots. */
export function filtersUrl(filters: AuditTrailFilters, options: { event?: string; pathname?: string } = {}): string {
  return serialize(options.pathname ?? "/", { ...filters, event: options.event });
}

// nuqs keeps its values object stable until the URL changes; caching on it keeps `filters` stable
// too (safe as a React Query key or effect dependency) without React hooks in this module.
const stateCache = new WeakMap<FilterValues, FilterState>();

function cachedFilterState(values: FilterValues): FilterState {
  let state = stateCache.get(values);
  if (!state) {
    state = filtersFromValues(values);
    stateCache.set(values, state);
  }
  return state;
}

export type FilterPatch = Partial<Nullable<Required<AuditTrailFilters>>>;

/**
 * Every filter key with its validated value or null. Writing this whole state (not just the changed
 * key) also removes whatever the parsers rejected, so any edit in the bar leaves a valid URL behind.
 */
function completeValues(filters: AuditTrailFilters): FilterPatch {
  const values: FilterPatch = { page_size: filters.page_size ?? null };
  for (const key of FILTER_KEYS) values[key] = filters[key] ?? null;
  return values;
}

/** Client hook: the current validated filters and setters that push a history entry. */
export function useAuditTrailFilters() {
  const [values, setValues] = useQueryStates(filterParsers, URL_OPTIONS);
  const { filters, problem } = cachedFilterState(values);
  return {
    filters,
    problem,
    /** Sets some filters; `null` removes one. Values should come from the schema (see lib/filters.ts). */
    setFilters: (patch: FilterPatch) =>
      setValues((latest) => ({ ...completeValues(filtersFromValues(latest).filters), ...patch })),
    /** Removes every filter; the page size is a view preference and stays. */
    clearFilters: () =>
      setValues((latest) => completeValues({ page_size: filtersFromValues(latest).filters.page_size })),
  };
}

/** Client hook for the detail panel: the open event id in the URL (`event`), with history entries. */
export function useOpenEvent() {
  return useQueryState("event", eventParser.withOptions(URL_OPTIONS));
}
