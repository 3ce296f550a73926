import fc from "fast-check";
import { describe, expect, it } from "vitest";

import type { AuditEvent, AuditTrailPage } from "../audit-event";
import { walkPages } from "../paging";
import { createSimulator } from "./index";
import { getPage } from "@/testing/simulator-requests";
import type { MergeQuery } from "../filters";
import { expectedEvents, mergeFilters } from "@/testing/simulator-oracle";

// The paging contract end to end, over random filter combinations and page sizes: walking `next`
// from the first page returns exactly the brute-force filtered list, and walking `previous` from the
// last page returns it back. A small trail keeps page_size=1 walks cheap.

const NOW = "2026-11-28T12:00:00Z";
const simulator = createSimulator({ now: NOW, events: 700, seed: "walks" });
const everything = expectedEvents(simulator);

const emails = [...new Set(everything.flatMap((event) => (event.user_email ? [event.user_email] : [])))];
const types = [...new Set(everything.map((event) => event.event_type))];
const instants = everything.map((event) => event.created_at);
const windowStart = Date.parse(NOW) - 90 * 86_400_000;

const recase = (text: string, mask: number) =>
  [...text].map((c, i) => ((mask >> i % 16) & 1 ? c.toUpperCase() : c)).join("");

const email = fc.oneof(
  fc.tuple(fc.constantFrom(...emails), fc.nat(0xffff)).map(([value, mask]) => recase(value, mask)),
  fc.constant("nobody@northwindhr.com"),
);
const eventType = fc.oneof(fc.constantFrom(...types), fc.constant("NOT_A_REAL_TYPE"));
// Exact event instants test the strict bounds; random ones (with an offset zone) test the rest.
const instant = fc.oneof(
  { arbitrary: fc.constantFrom(...instants), weight: 3 },
  {
    arbitrary: fc
      .integer({ min: windowStart, max: Date.parse(NOW) })
      .map((ms) => new Date(ms).toISOString().replace("Z", "+00:00")),
    weight: 1,
  },
);

// Each filter present half the time (fc.record would mostly set all four, which matches nothing).
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined, freq: 2 });
const filters: fc.Arbitrary<Omit<MergeQuery, "page_size" | "cursor">> = fc
  .tuple(maybe(email), maybe(eventType), maybe(instant), maybe(instant))
  .map(([user_email, event_type, start_date, end_date]) =>
    Object.fromEntries(
      Object.entries({ user_email, event_type, start_date, end_date }).filter(([, value]) => value !== undefined),
    ),
  );
const pageSize = fc.oneof(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 120 }));

async function walk(query: MergeQuery & { page_size: number }, between?: () => void) {
  const pages: AuditTrailPage[] = [];
  for await (const page of walkPages((cursor) => getPage(simulator, { ...query, ...(cursor && { cursor }) }))) {
    pages.push(page);
    between?.();
  }
  return pages;
}

async function walkBack(last: AuditTrailPage, query: MergeQuery & { page_size: number }) {
  const pages = [last];
  for (let page = last; page.previous; ) {
    page = await getPage(simulator, { ...query, cursor: page.previous });
    pages.unshift(page);
  }
  return pages;
}

const ids = (events: AuditEvent[]) => events.map((event) => event.id);

describe("walking the simulator's cursors", () => {
  it("next from the first page and previous from the last both give the brute-force filtered list", async () => {
    await fc.assert(
      fc.asyncProperty(filters, pageSize, async (filter, page_size) => {
        const expected = expectedEvents(simulator, mergeFilters(filter));
        const forward = await walk({ ...filter, page_size });
        expect(ids(forward.flatMap((page) => page.results))).toEqual(ids(expected));
        expect(forward.slice(0, -1).every((page) => page.results.length === Math.min(page_size, 100))).toBe(true);
        expect(forward[0]!.previous).toBeNull();

        const backward = await walkBack(forward.at(-1)!, { ...filter, page_size });
        expect(ids(backward.flatMap((page) => page.results))).toEqual(ids(expected));
        expect(backward[0]!.previous).toBeNull();
      }),
      { numRuns: 60 },
    );
  });

  it("keeps a walk exact while new events arrive on top", async () => {
    await fc.assert(
      fc.asyncProperty(pageSize, fc.integer({ min: 1, max: 5 }), async (page_size, perPage) => {
        const expected = expectedEvents(simulator);
        const query = { page_size: Math.max(page_size, 20) };
        const forward = await walk(query, () => simulator.addEvents(perPage));
        expect(ids(forward.flatMap((page) => page.results))).toEqual(ids(expected));
        // Walking back, events that arrived meanwhile come on top of the same, untouched trail.
        simulator.addEvents(perPage);
        const backward = (await walkBack(forward.at(-1)!, query)).flatMap((page) => page.results);
        expect(ids(backward.slice(backward.length - expected.length))).toEqual(ids(expected));
        const newcomers = backward.slice(0, backward.length - expected.length);
        expect(newcomers.length).toBeGreaterThan(0);
        expect(newcomers.every((event) => event.created_at > expected[0]!.created_at)).toBe(true);
        // A new first page starts with the newcomers.
        const fresh = await getPage(simulator, { page_size: 1 });
        expect(fresh.results[0]!.created_at >= expected[0]!.created_at).toBe(true);
        expect(fresh.results[0]!.id).not.toBe(expected[0]!.id);
      }),
      { numRuns: 5 },
    );
  });
});
