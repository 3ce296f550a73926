import { z } from "zod";

import { RANGE_IDS, resolveRange, type RangeId } from "@/lib/date-presets";
import { EVENT_GROUP_SLUG_LIST, type EventGroupSlug } from "@/lib/event-types";
import { canonicalTimeZone } from "@/lib/time-zone";

// The one definition of the audit trail's query: its parameter names (Merge's, and ours where Merge
// has none), their rules, and the (de)serialisation shared by the page URL, our route handlers and
// the upstream request. Anything that fails here reaches neither Merge (which blocks an IP after 20
// failing requests in 10 s) nor the archive's database.

// ---------------------------------------------------------------------------------------------
// Names

/** Filters that may repeat; a value starting with `-` excludes instead (`event_type=-MUTED_ISSUE`). */
export const MULTI_VALUE_KEYS = ["user_email", "event_type", "event_group", "role", "ip"] as const;

/** Every filter, in the canonical order of URLs. `order` is here because it shapes the result set too. */
export const FILTER_KEYS = [
  "user_email",
  "event_type",
  "event_group",
  "role",
  "actor",
  "ip",
  "q",
  "range",
  "start_date",
  "end_date",
  "order",
] as const;
/**
 * `tz` is no filter: it names the zone a calendar `range` ("yesterday") is counted in, and the page
 * shows its times in. Without it, the API counts calendar days in UTC.
 */
export const QUERY_KEYS = [...FILTER_KEYS, "tz", "page_size", "cursor"] as const;

export type MultiValueKey = (typeof MULTI_VALUE_KEYS)[number];
export type FilterKey = (typeof FILTER_KEYS)[number];
export type QueryKey = (typeof QUERY_KEYS)[number];

export const DEFAULT_PAGE_SIZE = 30;
export const MAX_PAGE_SIZE = 100;
export const PAGE_SIZE_CHOICES = [30, 50, 100] as const;
/** Bounds what one request can ask of the database. */
export const MAX_VALUES_PER_FILTER = 50;
export const MAX_SEARCH_LENGTH = 200;

export const ACTOR_KINDS = ["human", "api", "system"] as const;
/** human: a person acted (a name or an email); api: an API key (role API, no person); system: anything else without a person. */
export type ActorKind = (typeof ACTOR_KINDS)[number];

// ---------------------------------------------------------------------------------------------
// Types

/**
 * A filter that may repeat: an event matches when it has one of `include` (or `include` is empty)
 * and none of `exclude`. Both lists are deduplicated and sorted, so equal filters compare equal.
 */
export type ValueFilter<T extends string = string> = { include: T[]; exclude: T[] };

export type AuditTrailFilters = {
  /** Case-insensitive, like Merge. */
  user_email?: ValueFilter;
  /** Codes; unknown codes still filter. With event_group, an event matches the union of both. */
  event_type?: ValueFilter;
  /** Resolved to codes when the query runs (lib/event-types.ts), so a group covers types added later. */
  event_group?: ValueFilter<EventGroupSlug>;
  role?: ValueFilter;
  actor?: ActorKind;
  /** Exact IPv4/IPv6 addresses or CIDR blocks, lower-case. */
  ip?: ValueFilter;
  /** Case-insensitive substring of the description, user name, email, event type code or label. */
  q?: string;
  /**
   * A relative range ("1h", "yesterday"), resolved into start_date/end_date whenever a result set
   * is fetched (resolveQueryRange); never together with either date.
   */
  range?: RangeId;
  /** Strict bounds, as Merge's: start_date < created_at < end_date. ISO with milliseconds, UTC. */
  start_date?: string;
  end_date?: string;
  /** Oldest first; absent means newest first (the default, as Merge). */
  order?: "asc";
  page_size?: number;
};

export type AuditTrailQuery = AuditTrailFilters & {
  /** The IANA zone calendar ranges are counted in (canonical spelling); UTC when absent. */
  tz?: string;
  /** Opaque; the archive's cursors carry their direction and order. */
  cursor?: string;
};

/** Merge's own query: one value per filter, newest first. What the upstream and the simulator read. */
export type MergeQuery = {
  user_email?: string;
  event_type?: string;
  start_date?: string;
  end_date?: string;
  page_size?: number;
  cursor?: string;
};

export type QueryError = { field: string; message: string };

// ---------------------------------------------------------------------------------------------
// Rules

const isoDateTime = z
  .string()
  .trim()
  .pipe(
    z.iso.datetime({
      offset: true,
      message: "Use an ISO 8601 date and time with a time zone, e.g. 2026-11-01T09:00:00Z",
    }),
  )
  // One canonical spelling, so equal filters give equal URLs and cache keys.
  .transform((value) => new Date(value).toISOString())
  // Merge reads four-digit years only: an offset can push 9999-12-31 into +010000, or 0001-01-01
  // into year 0000, and either would earn a refusal that counts towards Merge's per-IP block.
  .refine((iso) => /^\d{4}-/.test(iso) && !iso.startsWith("0000-"), {
    message: "Use a date from 0001-01-01 to 9999-12-31 (in UTC), e.g. 2026-11-01T09:00:00Z",
  });

const PAGE_SIZE_MESSAGE = `The page size is a whole number from 1 to ${MAX_PAGE_SIZE}`;
const IP_MESSAGE = "Enter an IPv4 or IPv6 address or a CIDR block, e.g. 198.51.100.23 or 203.0.113.0/24";

/** The rule for one value of each filter (for a repeatable one, without its leading `-`). */
export const FILTER_VALUE_SCHEMAS = {
  user_email: z
    .string()
    .trim()
    .max(254, "An email address has at most 254 characters")
    .pipe(z.email({ message: "Enter a valid email address, e.g. jane@acme.com" })),
  event_type: z
    .string()
    .trim()
    .regex(/^[A-Z0-9_]{1,100}$/, "An event type is a code such as INVITED_USER: A-Z, 0-9 and _"),
  event_group: z.enum(EVENT_GROUP_SLUG_LIST, { message: `An event group is one of ${EVENT_GROUP_SLUG_LIST.join(", ")}` }),
  role: z
    .string()
    .trim()
    .regex(/^[A-Z0-9_]{1,100}$/, "A role is a code such as ADMIN: A-Z, 0-9 and _"),
  actor: z.enum(ACTOR_KINDS, { message: `The actor is one of ${ACTOR_KINDS.join(", ")}` }),
  ip: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()], { message: IP_MESSAGE })),
  q: z
    .string()
    .trim()
    .max(MAX_SEARCH_LENGTH, `Search text has at most ${MAX_SEARCH_LENGTH} characters`)
    // Also what keeps a search from spanning two fields: the archive's index joins them with line breaks.
    .regex(/^[^\p{Cc}]*$/u, "Search text cannot contain line breaks or other control characters"),
  range: z.enum(RANGE_IDS, { message: `The range is one of ${RANGE_IDS.join(", ")}` }),
  start_date: isoDateTime,
  end_date: isoDateTime,
  tz: z
    .string()
    .trim()
    .transform((name, context) => {
      const zone = canonicalTimeZone(name);
      if (zone === null) {
        context.addIssue({ code: "custom", message: "The time zone is an IANA name such as UTC, Europe/Berlin or America/New_York" });
        return z.NEVER;
      }
      return zone;
    }),
  // Descending is the default, so it is written by leaving `order` out.
  order: z
    .enum(["asc", "desc"], { message: 'The order is "asc" (oldest first) or "desc" (newest first)' })
    .transform((order) => (order === "asc" ? ("asc" as const) : undefined)),
  page_size: z
    .string()
    .regex(/^\d{1,3}$/, PAGE_SIZE_MESSAGE)
    .transform(Number)
    .pipe(z.number().min(1, PAGE_SIZE_MESSAGE).max(MAX_PAGE_SIZE, PAGE_SIZE_MESSAGE)),
  // The cursors our API hands out are sealed by the server (lib/server/cursor-seal.ts): a URL-safe
  // token around the source's own cursor. Only the shape is checked here; the route opens the seal,
  // so a cursor that did not come from us never reaches Merge or the archive. 1024 leaves room for
  // Merge's cursors (DRF's base64, at most 512 characters) once sealed.
  cursor: z
    .string()
    .max(1024, "This cursor is too long: start again from the first page")
    .regex(/^[A-Za-z0-9_.-]+$/, "This cursor is not valid: start again from the first page"),
} satisfies Record<QueryKey, z.ZodType>;

export const RANGE_BACKWARDS_MESSAGE = "The end of the date range is before its start";

/** What every reader says of a relative range given with dates: the two contradict each other. */
export function rangeWithDatesMessage(dates: readonly string[]): string {
  const named = dates.map((key) => `"${key}"`).join(" and ");
  return `"range" cannot be combined with ${named}: give a relative range or dates, not both`;
}

/** What every reader of a query says about a parameter given more than once. */
export function repeatedParameterMessage(key: string): string {
  return `"${key}" may be given only once`;
}

function tooManyValuesMessage(key: string): string {
  return `"${key}" may be given at most ${MAX_VALUES_PER_FILTER} times`;
}

function isMultiValueKey(key: string): key is MultiValueKey {
  return (MULTI_VALUE_KEYS as readonly string[]).includes(key);
}

function firstIssue(error: z.ZodError): string {
  return error.issues[0]!.message;
}

/** Parses the values of a repeatable filter; emails are told apart case-insensitively. */
function parseValueFilter(key: MultiValueKey, values: string[]): ParseResult<ValueFilter> {
  const include = new Map<string, string>();
  const exclude = new Map<string, string>();
  for (const raw of values) {
    const text = raw.trim();
    const excluded = text.startsWith("-");
    const parsed = FILTER_VALUE_SCHEMAS[key].safeParse(excluded ? text.slice(1) : text);
    if (!parsed.success) return { ok: false, error: { field: key, message: firstIssue(parsed.error) } };
    const value = parsed.data;
    const identity = key === "user_email" ? value.toLowerCase() : value;
    const target = excluded ? exclude : include;
    if (!target.has(identity)) target.set(identity, value);
  }
  const sorted = (map: Map<string, string>) => [...map.values()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { ok: true, value: { include: sorted(include), exclude: sorted(exclude) } };
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: QueryError };

export type QueryReading = {
  /** What parsed; a field with an error is left out. */
  query: AuditTrailQuery;
  /** One error per field, in the order the parameters came (a backwards range on end_date, last). */
  errors: QueryError[];
  /** Parameters that are not among the allowed keys, in their order. */
  unknown: string[];
};

/**
 * Reads every parameter of `params` that `allow` lists: the repeatable filters may repeat (up to
 * MAX_VALUES_PER_FILTER), the others once. An empty value means "no filter", as when a form field
 * is left blank. Keys in `ignore` belong to someone else and are passed over.
 */
export function readQueryParams(
  params: URLSearchParams,
  allow: readonly QueryKey[],
  ignore: readonly string[] = [],
): QueryReading {
  const query: Record<string, unknown> = {};
  const errors: QueryError[] = [];
  const unknown: string[] = [];
  for (const key of new Set(params.keys())) {
    if (ignore.includes(key)) continue;
    if (!(allow as readonly string[]).includes(key)) {
      unknown.push(key);
      continue;
    }
    const given = params.getAll(key);
    const values = given.filter((value) => value.trim() !== "");
    if (isMultiValueKey(key)) {
      if (given.length > MAX_VALUES_PER_FILTER) {
        errors.push({ field: key, message: tooManyValuesMessage(key) });
        continue;
      }
      if (values.length === 0) continue;
      const parsed = parseValueFilter(key, values);
      if (parsed.ok) query[key] = parsed.value;
      else errors.push(parsed.error);
      continue;
    }
    if (given.length > 1) {
      errors.push({ field: key, message: repeatedParameterMessage(key) });
      continue;
    }
    if (values.length === 0) continue;
    const parsed = FILTER_VALUE_SCHEMAS[key as Exclude<QueryKey, MultiValueKey>].safeParse(values[0]);
    if (!parsed.success) errors.push({ field: key, message: firstIssue(parsed.error) });
    else if (parsed.data !== undefined) query[key] = parsed.data;
  }
  const { start_date, end_date, range } = query as AuditTrailQuery;
  if (start_date !== undefined && end_date !== undefined && end_date < start_date) {
    delete query.end_date;
    errors.push({ field: "end_date", message: RANGE_BACKWARDS_MESSAGE });
  }
  const dates = (["start_date", "end_date"] as const).filter((key) =>
    params.getAll(key).some((value) => value.trim() !== ""),
  );
  if (range !== undefined && dates.length > 0) {
    delete query.range;
    errors.push({ field: "range", message: rangeWithDatesMessage(dates) });
  }
  return { query: query as AuditTrailQuery, errors, unknown };
}

type ParseOptions = {
  /** Which keys may appear; others are an error unless listed in `ignore`. */
  allow: readonly QueryKey[];
  /** Keys that belong to someone else (e.g. the export's `format`) and are passed over. */
  ignore?: readonly string[];
};

/** A request's query to our API, strictly: the first unknown key or bad value is the error. */
export function parseAuditTrailQuery(params: URLSearchParams, { allow, ignore = [] }: ParseOptions): ParseResult<AuditTrailQuery> {
  const { query, errors, unknown } = readQueryParams(params, allow, ignore);
  if (unknown.length > 0) return { ok: false, error: { field: unknown[0]!, message: `Unknown parameter "${unknown[0]}"` } };
  if (errors.length > 0) return { ok: false, error: errors[0]! };
  return { ok: true, value: query };
}

// ---------------------------------------------------------------------------------------------
// Writing

/**
 * The query as search params in the canonical order, without empty values; a repeatable filter
 * writes its included values, then its excluded ones with `-`. The page URL, the calls to our API
 * and the export all use it.
 */
export function toSearchParams(query: AuditTrailQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of QUERY_KEYS) {
    const value = query[key];
    if (value === undefined || value === "") continue;
    if (typeof value === "object") {
      for (const item of value.include) params.append(key, item);
      for (const item of value.exclude) params.append(key, `-${item}`);
    } else {
      params.set(key, String(value));
    }
  }
  return params;
}

/**
 * The filters in the URL's own words, for records people read (the access log, the server log):
 * `{ event_type: "INVITED_USER" }`, or a list where a parameter repeats (`-` marks an exclusion).
 */
export function filterParameters(filters: AuditTrailFilters): Record<string, string | string[]> {
  const words: Record<string, string | string[]> = {};
  const params = toSearchParams(pickFilters(filters));
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    words[key] = values.length === 1 ? values[0]! : values;
  }
  return words;
}

/**
 * The query with its relative range resolved at `now` into start_date/end_date (calendar days in
 * its `tz`, or UTC), and without `tz`: what a source can run. A query without a range only loses `tz`.
 */
export function resolveQueryRange<T extends AuditTrailQuery>(query: T, now: Date): Omit<T, "range" | "tz"> {
  const { range, tz, ...rest } = query;
  return range === undefined ? rest : { ...rest, ...resolveRange(range, now, tz ?? "UTC") };
}

/** True when a repeatable filter narrows nothing (absent, or both lists empty). */
export function isEmptyValueFilter(filter: ValueFilter | undefined): boolean {
  return filter === undefined || (filter.include.length === 0 && filter.exclude.length === 0);
}

/** The filters as they identify a result set: no empty values, page size always explicit. */
export function normalizeFilters(filters: AuditTrailFilters): AuditTrailFilters {
  return { ...pickFilters(filters), page_size: filters.page_size ?? DEFAULT_PAGE_SIZE };
}

/** Only the filters, without paging and without empty ones: what identifies a result set. */
export function pickFilters(query: AuditTrailQuery): Omit<AuditTrailFilters, "page_size"> {
  const filters: Record<string, unknown> = {};
  for (const key of FILTER_KEYS) {
    const value = query[key];
    if (value === undefined || value === "") continue;
    if (typeof value === "object" && isEmptyValueFilter(value)) continue;
    filters[key] = value;
  }
  return filters as Omit<AuditTrailFilters, "page_size">;
}

// ---------------------------------------------------------------------------------------------
// Editing a repeatable filter (the combobox, facets and chips all change filters this way)

/** Adds `value` to the included values (and takes it out of the excluded ones). */
export function includeValue<T extends string>(filter: ValueFilter<T> | undefined, value: T): ValueFilter<T> {
  return sortedFilter({
    include: [...(filter?.include ?? []).filter((item) => item !== value), value],
    exclude: (filter?.exclude ?? []).filter((item) => item !== value),
  });
}

/** Adds `value` to the excluded values (and takes it out of the included ones). */
export function excludeValue<T extends string>(filter: ValueFilter<T> | undefined, value: T): ValueFilter<T> {
  return sortedFilter({
    include: (filter?.include ?? []).filter((item) => item !== value),
    exclude: [...(filter?.exclude ?? []).filter((item) => item !== value), value],
  });
}

/** Removes `value` from both lists; undefined when nothing is left. */
export function removeValue<T extends string>(filter: ValueFilter<T> | undefined, value: T): ValueFilter<T> | undefined {
  const rest = {
    include: (filter?.include ?? []).filter((item) => item !== value),
    exclude: (filter?.exclude ?? []).filter((item) => item !== value),
  };
  return isEmptyValueFilter(rest) ? undefined : rest;
}

/** The one included value of a filter that holds nothing else: what a single-value control shows. */
export function onlyValue<T extends string>(filter: ValueFilter<T> | undefined): T | undefined {
  return filter?.include.length === 1 && filter.exclude.length === 0 ? filter.include[0] : undefined;
}

/** A filter of exactly these included values; undefined for none. */
export function valueFilterOf<T extends string>(...values: T[]): ValueFilter<T> | undefined {
  return values.length === 0 ? undefined : sortedFilter({ include: [...new Set(values)], exclude: [] });
}

function sortedFilter<T extends string>(filter: ValueFilter<T>): ValueFilter<T> {
  const byCodeUnit = (a: T, b: T) => (a < b ? -1 : a > b ? 1 : 0);
  return { include: [...filter.include].sort(byCodeUnit), exclude: [...filter.exclude].sort(byCodeUnit) };
}

// ---------------------------------------------------------------------------------------------
// What Merge itself can answer (ARCHIVE=off)

/**
 * The filters of `query` that Merge's own API cannot apply, in canonical order: all but one
 * included email, one included event type and the date range. Without the archive these are
 * refused by name (never silently dropped), and their controls are disabled.
 */
export function filtersNeedingArchive(query: AuditTrailFilters): FilterKey[] {
  const single = (filter: ValueFilter | undefined) => isEmptyValueFilter(filter) || (filter!.include.length === 1 && filter!.exclude.length === 0);
  const needs: FilterKey[] = [];
  for (const key of FILTER_KEYS) {
    const value = query[key];
    if (value === undefined) continue;
    if (key === "user_email" || key === "event_type") {
      if (!single(value as ValueFilter)) needs.push(key);
    } else if (key !== "start_date" && key !== "end_date" && key !== "range") {
      if (typeof value !== "object" || !isEmptyValueFilter(value)) needs.push(key);
    }
  }
  return needs;
}

/** The query as Merge reads it; only for a query that filtersNeedingArchive finds nothing in. */
export function toMergeQuery(query: AuditTrailQuery): MergeQuery {
  return {
    user_email: query.user_email?.include[0],
    event_type: query.event_type?.include[0],
    start_date: query.start_date,
    end_date: query.end_date,
    page_size: query.page_size,
    cursor: query.cursor,
  };
}

const MERGE_QUERY_KEYS = ["user_email", "event_type", "start_date", "end_date", "page_size", "cursor"] as const satisfies readonly (keyof MergeQuery)[];

/** Merge's query string, in Merge's names and a fixed order, without empty values. */
export function toMergeSearchParams(query: MergeQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of MERGE_QUERY_KEYS) {
    const value = query[key];
    if (value !== undefined && value !== "") params.set(key, String(value));
  }
  return params;
}
