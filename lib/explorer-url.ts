import { needsArchiveMessage } from "@/lib/api-errors";
import {
  DEFAULT_PAGE_SIZE,
  FILTER_KEYS,
  filtersNeedingArchive,
  readQueryParams,
  repeatedParameterMessage,
  toSearchParams,
  type AuditTrailFilters,
  type QueryError,
} from "@/lib/filters";

// The explorer's page URL, read and written in this one place. The server page and the explorer
// read it with readExplorerUrl, and the filter bar gets the result as props; every link, pivot,
// "Copy link" and the URL writer (nuqs) write it with explorerUrl / canonicalExplorerSearch. So the
// table, the chips and a copied link always show the same result set, and any edit leaves the
// canonical URL behind (stray parameters dropped, values in one spelling).

/**
 * The page's own parameters in canonical order: the filters, the page size, the display zone
 * (`tz`, an IANA name; absent means the browser's own zone) and the open event.
 */
export const EXPLORER_URL_KEYS = [...FILTER_KEYS, "page_size", "tz", "event"] as const;

export type ExplorerUrlKey = (typeof EXPLORER_URL_KEYS)[number];

function isExplorerUrlKey(key: string): key is ExplorerUrlKey {
  return (EXPLORER_URL_KEYS as readonly string[]).includes(key);
}

export type UrlProblem = QueryError & {
  /**
   * True when the link's result set cannot be shown until the parameter is fixed or removed (a
   * malformed or repeated filter, a range that ends before it starts). A parameter that is not the
   * page's own (a tracker's `utm_source`) is only ignored: it never narrowed anything.
   */
  blocking: boolean;
};

export type ExplorerView = {
  filters: AuditTrailFilters;
  /** The event open in the detail panel. */
  event?: string | null;
  /** The display zone the link asks for (canonical IANA name); absent or null: the reader's own. */
  timeZone?: string | null;
};

export type ExplorerUrl = {
  /** The filters the table shows: validated, canonical, default page size omitted; null while a problem blocks. */
  filters: AuditTrailFilters | null;
  event: string | null;
  /** The display zone the URL names (`tz`, canonical); null for the browser's own, or when `tz` is invalid. */
  timeZone: string | null;
  /** Every problem of the URL, once each, in the URL's order. */
  problems: UrlProblem[];
};

const PAGE_QUERY_KEYS = [...FILTER_KEYS, "page_size", "tz"] as const;

export type ReadOptions = {
  /**
   * False when the server runs without the archive (ARCHIVE=off): a filter only the archive can
   * apply then blocks the link, by name, rather than be dropped. Default true.
   */
  archive?: boolean;
};

export function readExplorerUrl(params: URLSearchParams, { archive = true }: ReadOptions = {}): ExplorerUrl {
  const { query: read, errors, unknown } = readQueryParams(params, PAGE_QUERY_KEYS, ["event"]);
  const { tz = null, ...query } = read;
  if (!archive) {
    for (const field of filtersNeedingArchive(query)) errors.push({ field, message: needsArchiveMessage(field) });
  }
  const problems: UrlProblem[] = [
    ...unknown.map((field) => ({
      field,
      message: "it is not a filter of this page, so the rest of the link applies without it",
      blocking: false,
    })),
    ...errors.map((error) => ({ ...error, blocking: true })),
  ];
  const events = params.getAll("event");
  if (events.length > 1) problems.push({ field: "event", message: repeatedParameterMessage("event"), blocking: true });
  // In the URL's order, so the first problem named is the first a reader of the link meets.
  const keys = [...new Set(params.keys())];
  problems.sort((a, b) => keys.indexOf(a.field) - keys.indexOf(b.field));
  const event = events.length === 1 && events[0]!.trim() !== "" ? events[0]! : null;
  const blocked = problems.some((problem) => problem.blocking);
  return { filters: blocked ? null : withoutDefaultPageSize(query), event, timeZone: tz, problems };
}

function withoutDefaultPageSize(filters: AuditTrailFilters): AuditTrailFilters {
  if (filters.page_size !== DEFAULT_PAGE_SIZE) return filters;
  const rest = { ...filters };
  delete rest.page_size;
  return rest;
}

/** The canonical search params of a view: Merge's names in order, no empty values or default page size. */
export function explorerSearchParams({ filters, event, timeZone }: ExplorerView): URLSearchParams {
  const params = toSearchParams(withoutDefaultPageSize(filters));
  if (timeZone) params.set("tz", timeZone);
  if (event) params.set("event", event);
  return params;
}

/** The page's path and query for a view, for links, pivots and "Copy link". */
export function explorerUrl(view: ExplorerView, pathname = "/"): string {
  const search = explorerSearchParams(view).toString();
  return search ? `${pathname}?${search}` : pathname;
}

/**
 * The URL the writer leaves behind after an update: the canonical form of what it reads, so stray
 * parameters go with any edit. A URL whose filters cannot be used keeps its own parameters (the
 * problem stays reported) and loses only the stray ones.
 */
export function canonicalExplorerSearch(params: URLSearchParams): URLSearchParams {
  const url = readExplorerUrl(params);
  if (url.filters) return explorerSearchParams({ filters: url.filters, event: url.event, timeZone: url.timeZone });
  const kept = new URLSearchParams();
  for (const [key, value] of params) if (isExplorerUrlKey(key)) kept.append(key, value);
  return kept;
}

/** A change to some filters: a value sets one, null removes it. */
export type FilterPatch = { [K in keyof AuditTrailFilters]?: AuditTrailFilters[K] | null };

/**
 * The filters with `patch` applied. A relative range and dates exclude each other: setting either
 * drops the other, so no edit can write the contradiction readExplorerUrl refuses.
 */
export function patchFilters(filters: AuditTrailFilters, patch: FilterPatch): AuditTrailFilters {
  const setsDates = patch.start_date != null || patch.end_date != null;
  const dropped: FilterPatch = patch.range != null ? { start_date: null, end_date: null } : setsDates ? { range: null } : {};
  const all: FilterPatch = { ...dropped, ...patch };
  const value = <K extends keyof AuditTrailFilters>(key: K): AuditTrailFilters[K] =>
    key in all ? (all[key] ?? undefined) : filters[key];
  // The mapped type holds this object to Merge's names: a filter added to lib/filters.ts breaks
  // the build here until it is patched too.
  return {
    user_email: value("user_email"),
    event_type: value("event_type"),
    event_group: value("event_group"),
    role: value("role"),
    actor: value("actor"),
    ip: value("ip"),
    q: value("q"),
    range: value("range"),
    start_date: value("start_date"),
    end_date: value("end_date"),
    order: value("order"),
    page_size: value("page_size"),
  } satisfies { [K in keyof AuditTrailFilters]-?: unknown };
}
