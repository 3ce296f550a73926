import "server-only";

import { gt, inArray, lt, notInArray, or, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

import { eventTypeLabel, eventTypesInGroup, KNOWN_EVENT_TYPES, type EventGroupSlug } from "@/lib/event-types";
import type { AuditTrailFilters } from "@/lib/filters";

import { auditEvents as events, auditSearchTexts as searchTexts } from "./schema";

// The archive's WHERE clause for validated filters (lib/filters.ts): every value travels as a bound
// parameter, and every expression here is one an index of the migrations serves. NULLs are handled
// on purpose: an event without an email, or with an IP address Merge sent malformed, is kept by an
// exclusion and never matched by an inclusion.

/**
 * The text `q` searches, of a row with audit_events' columns (`row` is its alias): name, email,
 * type code and description, in lower case (LIKE on it is ILIKE, without lowering every text a
 * search reads: half the time). Line breaks keep a match from spanning two fields: a search text
 * cannot contain one. Migration 0005 spells it out too, and must stay the same.
 */
export function searchTextOf(row: SQL): SQL {
  return sql`lower(coalesce(${row}.user_name, '') || E'\\n' || coalesce(${row}.user_email, '') || E'\\n' || ${row}.event_type || E'\\n' || ${row}.event_description)`;
}

/** The key of a search text in audit_search_texts, and of its events in audit_events.search_hash. */
export function searchHashOf(text: SQL): SQL {
  return sql`sha256(convert_to(${text}, 'UTF8'))`;
}

/** The event's IP address as inet, or null when Merge sent something that is not one (never an error). */
const ipInet = sql`archive_inet(${events.ip_address})`;

/** `%text%` for LIKE, with its wildcards and escape character taken literally. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/** The codes of the types named directly and through groups; undefined when neither is given. */
function eventTypeCodes(types: string[] = [], groups: EventGroupSlug[] = []): string[] | undefined {
  if (types.length === 0 && groups.length === 0) return undefined;
  const codes = new Set(types);
  for (const group of groups) for (const code of eventTypesInGroup(group)) codes.add(code);
  return [...codes];
}

/** Known codes whose label contains `q`, case-insensitively: labels live in app code, not in the rows. */
export function codesWithLabelContaining(q: string): string[] {
  const needle = q.toLowerCase();
  return KNOWN_EVENT_TYPES.filter((code) => eventTypeLabel(code).toLowerCase().includes(needle));
}

function ipWithin(blocks: string[]): SQL {
  return or(...blocks.map((block) => sql`${ipInet} <<= ${block}::inet`))!;
}

/** The types and groups asked for, on `column`: audit_events' event_type or a count table's (rollups.ts). */
export function eventTypeConditions(column: AnyPgColumn, { event_type, event_group }: AuditTrailFilters): SQL[] {
  const conditions: SQL[] = [];
  const included = eventTypeCodes(event_type?.include, event_group?.include);
  if (included) conditions.push(inArray(column, included));
  const excluded = eventTypeCodes(event_type?.exclude, event_group?.exclude);
  if (excluded) conditions.push(notInArray(column, excluded));
  return conditions;
}

/**
 * How a query reads the texts matching `q`. `page` (a semi-join) lets the planner weigh how many
 * events match from the texts' statistics: a common word walks the newest events until a page is
 * full (5 ms at 1,000,000 events), a rare one fetches its few events. `all` (an array of the hashes)
 * reads every matching event from the search_hash index in one scan, which counting them needs: as
 * a join the planner took it for a hash join over the whole table (four times slower).
 */
export type TextMatch = "page" | "all";

export function filterConditions(filters: AuditTrailFilters, textMatch: TextMatch = "page"): SQL[] {
  const { user_email, role, actor, ip, q, start_date, end_date } = filters;
  const conditions = eventTypeConditions(events.event_type, filters);

  const lowerEmail = sql`lower(${events.user_email})`;
  if (user_email?.include.length) conditions.push(inArray(lowerEmail, user_email.include.map((email) => email.toLowerCase())));
  if (user_email?.exclude.length) {
    conditions.push(sql`(${events.user_email} is null or ${notInArray(lowerEmail, user_email.exclude.map((email) => email.toLowerCase()))})`);
  }

  if (role?.include.length) conditions.push(inArray(events.role, role.include));
  if (role?.exclude.length) conditions.push(notInArray(events.role, role.exclude));

  if (actor !== undefined) {
    // As the table shows it (components/explorer/event-cells/actor.ts): a name or an email is a person.
    const person = sql`(coalesce(${events.user_name}, '') <> '' or coalesce(${events.user_email}, '') <> '')`;
    if (actor === "human") conditions.push(person);
    else conditions.push(sql`not ${person} and ${events.role} ${actor === "api" ? sql`=` : sql`<>`} 'API'`);
  }

  if (ip?.include.length) conditions.push(ipWithin(ip.include));
  if (ip?.exclude.length) conditions.push(sql`not coalesce(${ipWithin(ip.exclude)}, false)`);

  if (q !== undefined && q !== "") {
    // The matching texts through their trigram index, then their events through search_hash.
    const texts = sql`select ${searchTexts.hash} from ${searchTexts} where ${searchTexts.text} like lower(${containsPattern(q)})`;
    const text = textMatch === "all" ? sql`${events.search_hash} = any(array(${texts}))` : sql`${events.search_hash} in (${texts})`;
    const labelled = codesWithLabelContaining(q);
    conditions.push(labelled.length > 0 ? sql`(${text} or ${inArray(events.event_type, labelled)})` : text);
  }

  if (start_date !== undefined) conditions.push(gt(events.created_at, start_date));
  if (end_date !== undefined) conditions.push(lt(events.created_at, end_date));
  return conditions;
}
