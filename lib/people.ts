import { z } from "zod";

import type { AuditEvent } from "@/lib/audit-event";

// The people seen in the audit trail, for the "User email" picker: GET /api/people?q=...&limit=...
// answers from the archive; with ARCHIVE=off the browser finds them in the events it has loaded
// (peopleInEvents). One schema for the route, the archive's query, the browser and the tests; zod
// only, so the server's modules can import it (the browser's query is in people-query-options.ts).

export const PEOPLE_ENDPOINT = "/api/people";

export const PEOPLE_DEFAULT_LIMIT = 8;
export const PEOPLE_MAX_LIMIT = 20;
export const PEOPLE_QUERY_MAX_LENGTH = 100;
/**
 * Events are counted up to this many per person: a suggestion only needs "a few" or "a lot", and
 * counting a person's hundred thousand events would cost more than the rest of the answer.
 */
export const PEOPLE_EVENTS_CAP = 1000;

/** The route's query: `q`, part of a name or an email (case-insensitive), and how many to answer. */
export const peopleQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .min(1, "Type part of a name or an email")
    .max(PEOPLE_QUERY_MAX_LENGTH, `At most ${PEOPLE_QUERY_MAX_LENGTH} characters`),
  limit: z.coerce
    .number()
    .int("The limit is a whole number")
    .min(1, "The limit is at least 1")
    .max(PEOPLE_MAX_LIMIT, `The limit is at most ${PEOPLE_MAX_LIMIT}`)
    .default(PEOPLE_DEFAULT_LIMIT),
});

export type PeopleQuery = z.infer<typeof peopleQuerySchema>;

export const personSchema = z.object({
  /** The name on their newest event; null when Merge gave none. */
  name: z.string().nullable(),
  email: z.string(),
  /** How many events of the trail are theirs, at most PEOPLE_EVENTS_CAP. */
  events: z.number().int().nonnegative(),
  /** True when they have more than PEOPLE_EVENTS_CAP events (`events` is then the cap). */
  events_capped: z.boolean(),
});

export type Person = z.infer<typeof personSchema>;

export const peopleResponseSchema = z.object({ people: z.array(personSchema) });

/**
 * The order of suggestions: people whose name or email starts with what was typed first, then by
 * email. The archive's query and peopleInEvents both follow it.
 */
export function comparePeople(query: string): (a: Person, b: Person) => number {
  const needle = query.trim().toLowerCase();
  const starts = (person: Person) =>
    person.email.toLowerCase().startsWith(needle) || (person.name ?? "").toLowerCase().startsWith(needle);
  return (a, b) => Number(starts(b)) - Number(starts(a)) || (a.email < b.email ? -1 : a.email > b.email ? 1 : 0);
}

/** True when `query` is part of the person's name or email, case-insensitively. */
export function personMatches(person: Pick<Person, "name" | "email">, query: string): boolean {
  const needle = query.trim().toLowerCase();
  return person.email.toLowerCase().includes(needle) || (person.name ?? "").toLowerCase().includes(needle);
}

/**
 * The people among `events` (newest first) who match `query`: name from their newest event, and how
 * many of these events are theirs. For ARCHIVE=off, where nothing but the loaded pages is known.
 */
export function peopleInEvents(events: Iterable<AuditEvent>, query: string, limit = PEOPLE_DEFAULT_LIMIT): Person[] {
  const byEmail = new Map<string, Person>();
  for (const event of events) {
    if (!event.user_email) continue;
    const key = event.user_email.toLowerCase();
    const known = byEmail.get(key);
    if (known) known.events += 1;
    else byEmail.set(key, { name: event.user_name, email: key, events: 1, events_capped: false });
  }
  return [...byEmail.values()]
    .filter((person) => personMatches(person, query))
    .sort(comparePeople(query))
    .slice(0, limit)
    .map((person) =>
      person.events > PEOPLE_EVENTS_CAP ? { ...person, events: PEOPLE_EVENTS_CAP, events_capped: true } : person,
    );
}
