// The truth tests compare paged walks with: a plain scan of a simulator's every event, using none of
// the index lists, intersections or binary searches that paging relies on, and none of the SQL the
// archive runs. Filters mean what lib/filters.ts documents.

import type { AuditEvent } from "@/lib/audit-event";
import { bucketMs, bucketOriginMs, chooseBucketWidth, FACET_SIZE, type AuditTrailStats, type Facet } from "@/lib/audit-trail-stats";
import { EVENT_GROUP_SLUGS, EVENT_TYPES, eventTypeLabel, isKnownEventType } from "@/lib/event-types";
import { valueFilterOf, type AuditTrailFilters, type MergeQuery, type ValueFilter } from "@/lib/filters";
import type { Simulator } from "@/lib/simulator";
import { parseDateTime } from "@/lib/simulator/time";

/** Every filter, as lib/filters.ts spells them (the page size plays no part). */
export type OracleFilters = Omit<AuditTrailFilters, "page_size">;

function micros(text: string | undefined, name: string): number | undefined {
  if (text === undefined || text.trim() === "") return undefined;
  const value = parseDateTime(text);
  if (value === null) throw new Error(`expectedEvents: ${name} is not a date/time: ${text}`);
  return value;
}

/** Merge's single-valued filters (what the simulator itself serves) in the explorer's terms. */
export function mergeFilters({ user_email, event_type, start_date, end_date }: Omit<MergeQuery, "page_size" | "cursor">): OracleFilters {
  return {
    ...(user_email && { user_email: valueFilterOf(user_email) }),
    ...(event_type && { event_type: valueFilterOf(event_type) }),
    ...(start_date && { start_date }),
    ...(end_date && { end_date }),
  };
}

// ---------------------------------------------------------------------------------------------
// IP addresses, written out by hand (no inet here): an address is a family, 32 or 128 bits and a
// prefix length.

type Address = { family: 4 | 6; bits: bigint; prefix: number };

function parseIpv4(text: string): bigint | null {
  const parts = text.split(".");
  if (parts.length !== 4 || parts.some((part) => !/^\d{1,3}$/.test(part) || Number(part) > 255)) return null;
  return parts.reduce((value, part) => (value << 8n) | BigInt(Number(part)), 0n);
}

function parseIpv6(text: string): bigint | null {
  let groups: string[];
  let tail: bigint | null = null;
  const lastColon = text.lastIndexOf(":");
  let head = text;
  if (text.includes(".")) {
    tail = parseIpv4(text.slice(lastColon + 1));
    if (tail === null) return null;
    head = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const halves = head.split("::");
  if (halves.length > 2) return null;
  const split = (part: string) => (part === "" ? [] : part.split(":"));
  if (halves.length === 2) {
    const left = split(halves[0]!);
    const right = split(halves[1]!);
    if (left.length + right.length > 7) return null;
    groups = [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right];
  } else {
    groups = split(head);
  }
  if (groups.length !== 8 || groups.some((group) => !/^[0-9a-fA-F]{1,4}$/.test(group))) return null;
  let value = groups.reduce((sum, group) => (sum << 16n) | BigInt(parseInt(group, 16)), 0n);
  if (tail !== null) value = (value & ~0xffff_ffffn) | tail;
  return value;
}

export function parseAddress(text: string): Address | null {
  const [host, prefixText, ...rest] = text.split("/");
  if (rest.length > 0 || host === undefined) return null;
  const v4 = parseIpv4(host);
  const family = v4 !== null ? 4 : 6;
  const bits = v4 ?? parseIpv6(host);
  if (bits === null) return null;
  const width = family === 4 ? 32 : 128;
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return null;
  const prefix = prefixText === undefined ? width : Number(prefixText);
  if (prefix > width) return null;
  return { family, bits, prefix };
}

/** PostgreSQL's `address <<= block` for inet values. */
function within(address: Address, block: Address): boolean {
  if (address.family !== block.family || address.prefix < block.prefix) return false;
  const width = BigInt(address.family === 4 ? 32 : 128);
  const shift = width - BigInt(block.prefix);
  return address.bits >> shift === block.bits >> shift;
}

// ---------------------------------------------------------------------------------------------

function matchesValues<T extends string>(filter: ValueFilter<T> | undefined, test: (value: T) => boolean): boolean {
  if (!filter) return true;
  if (filter.include.length > 0 && !filter.include.some(test)) return false;
  return !filter.exclude.some(test);
}

function groupHas(slug: keyof typeof EVENT_GROUP_SLUGS, code: string): boolean {
  return isKnownEventType(code) && EVENT_TYPES[code].group === EVENT_GROUP_SLUGS[slug];
}

/** The filters a simulator's facts decide alone (type and email), so a scan builds only the events that pass them. */
function matchesTypeAndEmail(event: Pick<AuditEvent, "event_type" | "user_email">, filters: OracleFilters): boolean {
  const { user_email, event_type, event_group } = filters;
  const typeIncludes = [...(event_type?.include ?? []).map((code) => code === event.event_type), ...(event_group?.include ?? []).map((slug) => groupHas(slug, event.event_type))];
  if (typeIncludes.length > 0 && !typeIncludes.includes(true)) return false;
  if (event_type?.exclude.includes(event.event_type)) return false;
  if (event_group?.exclude.some((slug) => groupHas(slug, event.event_type))) return false;

  const email = event.user_email?.toLowerCase();
  return matchesValues(user_email, (value) => value.toLowerCase() === email);
}

/** Whether one event matches the filters (dates aside), decided field by field in plain JavaScript. */
export function matchesFilters(event: AuditEvent, filters: OracleFilters): boolean {
  const { role, actor, ip, q } = filters;
  if (!matchesTypeAndEmail(event, filters)) return false;
  if (!matchesValues(role, (value) => value === event.role)) return false;

  if (actor !== undefined) {
    const person = Boolean(event.user_name) || Boolean(event.user_email);
    const kind = person ? "human" : event.role === "API" ? "api" : "system";
    if (kind !== actor) return false;
  }

  if (ip) {
    const address = parseAddress(event.ip_address);
    if (!matchesValues(ip, (block) => address !== null && within(address, parseAddress(block)!))) return false;
  }

  if (q !== undefined && q !== "") {
    const needle = q.toLowerCase();
    const fields = [event.user_name ?? "", event.user_email ?? "", event.event_type, event.event_description];
    const label = isKnownEventType(event.event_type) ? eventTypeLabel(event.event_type) : "";
    if (![...fields, label].some((field) => field.toLowerCase().includes(needle))) return false;
  }
  return true;
}

/** Every event of the simulator matching the filters, newest first (oldest first for `order=asc`), by brute force. */
export function expectedEvents(simulator: Simulator, filters: OracleFilters = {}): AuditEvent[] {
  const { dataset } = simulator;
  const after = micros(filters.start_date, "start_date");
  const before = micros(filters.end_date, "end_date");
  const events: AuditEvent[] = [];
  for (let index = dataset.size - 1; index >= 0; index -= 1) {
    const facts = dataset.facts(index);
    if (after !== undefined && !(facts.micros > after)) continue;
    if (before !== undefined && !(facts.micros < before)) continue;
    if (!matchesTypeAndEmail({ event_type: facts.eventType, user_email: facts.email }, filters)) continue;
    const event = dataset.event(index);
    if (matchesFilters(event, filters)) events.push(event);
  }
  return filters.order === "asc" ? events.reverse() : events;
}

// ---------------------------------------------------------------------------------------------
// Stats: counted one event at a time. Only the choice of bar width is the app's (a rule, not a count).

type OracleStats = Pick<AuditTrailStats, "total" | "bucket" | "buckets" | "facets">;

function top(values: (string | null)[]): Facet[] {
  const counts = new Map<string, number>();
  for (const value of values) if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1))
    .slice(0, FACET_SIZE);
}

/** The total, bars and facets of `matching` (the events the filters match), by brute force. */
export function expectedStats(matching: AuditEvent[], filters: OracleFilters): OracleStats {
  const times = matching.map((event) => Date.parse(event.created_at));
  const fromMs = filters.start_date !== undefined ? Date.parse(filters.start_date) : Math.min(...times);
  const toMs = filters.end_date !== undefined ? Date.parse(filters.end_date) : Math.max(...times) + 1;
  const facets = {
    user_email: top(matching.map((event) => event.user_email?.toLowerCase() ?? null)),
    event_type: top(matching.map((event) => event.event_type)),
    role: top(matching.map((event) => event.role)),
    ip_address: top(matching.map((event) => event.ip_address)),
  };
  const open = filters.start_date === undefined || filters.end_date === undefined;
  if (open && matching.length === 0) return { total: 0, bucket: chooseBucketWidth(0), buckets: [], facets };
  const bucket = chooseBucketWidth(toMs - fromMs);
  const step = bucketMs(bucket);
  const origin = bucketOriginMs(bucket);
  const buckets: AuditTrailStats["buckets"] = [];
  for (let start = origin + Math.floor((fromMs - origin) / step) * step; start < toMs; start += step) {
    const from = Math.max(start, fromMs);
    const to = Math.min(start + step, toMs);
    // A bar counts [start, start + step) of the uncut grid; the range's strict bounds are the filter's.
    const count = times.filter((time) => time >= start && time < start + step).length;
    buckets.push({ start: new Date(from).toISOString(), end: new Date(to).toISOString(), count });
  }
  return { total: matching.length, bucket, buckets, facets };
}
