import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { auditTrailStatsSchema } from "@/lib/audit-trail-stats";
import { EVENT_GROUP_SLUG_LIST, eventTypeLabel, KNOWN_EVENT_TYPES, ROLES } from "@/lib/event-types";
import { parseAuditTrailQuery, pickFilters, QUERY_KEYS } from "@/lib/filters";
import { createSimulator } from "@/lib/simulator";
import { archiveStats } from "@/lib/server/archive/stats";
import { testDatabaseKinds } from "@/testing/archive-databases";
import { openFilledArchive, type FilledArchive } from "@/testing/archive-source";
import { apiRequest, CURSOR_SECRET, signedIn, SIMULATOR_NOW, walkRoute } from "@/testing/routes";
import { expectedEvents, expectedStats } from "@/testing/simulator-oracle";
import { recordingRecords } from "@/testing/records";

import { createAuditTrailRoute } from "./create-route";
import { createStatsRoute } from "./stats/create-route";

// Random combinations of every filter, sent through our API as the browser sends them, against a
// brute-force filter of the simulator's full walk: the events and their order (every page), the
// total, the bars and the facets.

const simulator = createSimulator({ now: SIMULATOR_NOW, events: 600, seed: "filters-property" });
const ALL = expectedEvents(simulator);
const emails = [...new Set(ALL.flatMap((event) => (event.user_email ? [event.user_email] : [])))];
const ips = [...new Set(ALL.map((event) => event.ip_address))];
const times = ALL.map((event) => Date.parse(event.created_at));
const [firstMs, lastMs] = [Math.min(...times), Math.max(...times)];
// A bounded number of runs per database keeps the suite quick on two cores.
const RUNS = 25;
const HOOK_TIMEOUT_MS = 120_000;

/** A value, or (one time in four) the same value excluded. */
const maybeExcluded = (value: fc.Arbitrary<string>) =>
  fc.tuple(value, fc.nat(3)).map(([text, die]) => (die === 0 ? `-${text}` : text));

/** Flips the letter case of some characters: every text match is case-insensitive. */
const recased = (text: fc.Arbitrary<string>) =>
  fc.tuple(text, fc.array(fc.boolean(), { minLength: 8, maxLength: 8 })).map(([value, flips]) =>
    [...value].map((character, i) => (flips[i % 8] ? character.toUpperCase() : character.toLowerCase())).join(""),
  );

const ipBlock = fc.tuple(fc.constantFrom(...ips), fc.nat(4)).map(([address, cut]) => {
  if (cut === 0) return address;
  if (address.includes(":")) return `${address}/${[16, 32, 48, 64][cut - 1]}`;
  // An IPv4 block with its host bits cleared, as CIDR is usually written.
  const prefix = [8, 16, 24, 30][cut - 1]!;
  const bits = address.split(".").reduce((sum, part) => sum * 256 + Number(part), 0);
  const network = prefix === 0 ? 0 : Math.floor(bits / 2 ** (32 - prefix)) * 2 ** (32 - prefix);
  return `${[24, 16, 8, 0].map((shift) => Math.floor(network / 2 ** shift) % 256).join(".")}/${prefix}`;
});

/** A few characters of a description, name, email, code or label: text that matches something. */
const searchText = fc
  .tuple(
    fc.constantFrom(...ALL),
    fc.constantFrom("event_description", "user_name", "user_email", "event_type", "label"),
    fc.nat(40),
    fc.integer({ min: 3, max: 8 }),
  )
  .map(([event, field, at, length]) => {
    const text = field === "label" ? eventTypeLabel(event.event_type) : (event[field] ?? event.event_description);
    const start = Math.min(at, Math.max(0, text.length - length));
    return text.slice(start, start + length).trim();
  })
  .filter((text) => text.length > 0);

const instant = fc.integer({ min: firstMs - 3_600_000, max: lastMs + 3_600_000 }).map((ms) => new Date(ms).toISOString());

// Each filter in about one query of four: with all of them at once, almost nothing would match.
const maybe = <T>(arbitrary: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: fc.constant(null), weight: 3 }, { arbitrary: arbitrary as fc.Arbitrary<T | null>, weight: 1 });
const some = <T>(arbitrary: fc.Arbitrary<T>, max = 3) => maybe(fc.array(arbitrary, { minLength: 1, maxLength: max }));

/** A query string with any combination of the filters, as a shared link or the explorer would send it. */
const querySearch = fc
  .record({
    event_type: some(maybeExcluded(fc.constantFrom(...KNOWN_EVENT_TYPES, "NOT_YET_KNOWN"))),
    event_group: some(maybeExcluded(fc.constantFrom(...EVENT_GROUP_SLUG_LIST)), 2),
    user_email: some(maybeExcluded(recased(fc.constantFrom(...emails)))),
    role: some(maybeExcluded(fc.constantFrom(...ROLES, "AUDITOR_2030")), 2),
    actor: maybe(fc.constantFrom("human", "api", "system")),
    ip: some(maybeExcluded(ipBlock), 2),
    q: maybe(recased(searchText)),
    range: maybe(fc.tuple(maybe(instant), maybe(instant))),
    order: maybe(fc.constant("asc")),
    page_size: fc.integer({ min: 20, max: 100 }),
  })
  .map(({ range, ...values }) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(values)) {
      for (const item of Array.isArray(value) ? value : value === null ? [] : [value]) params.append(key, String(item));
    }
    const [start, end] = [...(range ?? [])].sort();
    if (start) params.set("start_date", start);
    if (end) params.set("end_date", end);
    return params.toString();
  });

describe.each(testDatabaseKinds())("every filter through the API on $name", (kind) => {
  let archive: FilledArchive;
  // One request log line per call: kept off the test output.
  beforeAll(() => void vi.spyOn(console, "log").mockImplementation(() => undefined));
  afterAll(() => vi.restoreAllMocks());
  let list: ReturnType<typeof createAuditTrailRoute>;
  let stats: ReturnType<typeof createStatsRoute>;

  beforeAll(async () => {
    archive = await openFilledArchive(kind, [...ALL].reverse());
    list = createAuditTrailRoute({ source: archive.source, getSession: signedIn, cursorSecret: CURSOR_SECRET, records: recordingRecords() });
    stats = createStatsRoute({ source: archive.source, getSession: signedIn });
  }, HOOK_TIMEOUT_MS);

  afterAll(() => archive?.close(), HOOK_TIMEOUT_MS);

  it("answers exactly what a brute-force filter of the whole trail says", async () => {
    let matched = 0;
    await fc.assert(
      fc.asyncProperty(querySearch, async (search) => {
        const parsed = parseAuditTrailQuery(new URLSearchParams(search), { allow: QUERY_KEYS });
        if (!parsed.ok) throw new Error(`${search}: ${parsed.error.field}: ${parsed.error.message}`);
        const filters = pickFilters(parsed.value);
        // Newest first by (created_at, id), or the reverse.
        const newestFirst = expectedEvents(simulator, { ...filters, order: undefined }).sort((a, b) => (a.created_at === b.created_at ? (a.id < b.id ? 1 : -1) : a.created_at < b.created_at ? 1 : -1));
        const expected = filters.order === "asc" ? [...newestFirst].reverse() : newestFirst;
        if (expected.length > 0) matched += 1;

        const pages = await walkRoute(list, search);
        expect(pages.flatMap((page) => page.results.map((event) => event.id))).toEqual(expected.map((event) => event.id));

        const response = await stats(apiRequest(search, { path: "/api/audit-trail/stats" }));
        expect(response.status).toBe(200);
        const answer = auditTrailStatsSchema.parse(await response.json());
        expect(answer).toMatchObject(expectedStats(expected, filters));
        expect(answer.coverage.complete).toBe(true);
      }),
      { numRuns: RUNS },
    );
    // Runs that match nothing prove little: most must find something.
    expect(matched).toBeGreaterThan(RUNS / 3);
  }, 600_000);

  it("says the counts cover only part when the range reaches before ARCHIVE_RETENTION_DAYS", async () => {
    const options = { retentionDays: 30, now: () => Date.parse(SIMULATOR_NOW) };
    const recent = new Date(Date.parse(SIMULATOR_NOW) - 10 * 86_400_000).toISOString();
    expect((await archiveStats(archive.database.db, {}, options)).coverage.complete).toBe(false);
    expect((await archiveStats(archive.database.db, { start_date: recent }, options)).coverage.complete).toBe(true);
  });
});
