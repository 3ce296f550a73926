import { describe, expect, it } from "vitest";

import { walkPages } from "../paging";
import { createSimulator, MAX_SIMULATOR_EVENTS } from "./index";
import { getPage } from "@/testing/simulator-requests";
import { expectedEvents, mergeFilters } from "@/testing/simulator-oracle";

// The benchmark size: correctness only here (timings are the bench's job, not a test's).
describe("a 1,000,000-event trail", () => {
  const simulator = createSimulator({ now: "2026-11-28T12:00:00Z", events: MAX_SIMULATOR_EVENTS });

  it("pages filtered results exactly like the brute-force list", async () => {
    expect(simulator.size()).toBe(1_000_000);
    const filters = { user_email: "Priya.Raman@northwind.dev", event_type: "CHANGED_SCOPES", start_date: "2026-10-01T00:00:00Z" };
    const expected = expectedEvents(simulator, mergeFilters(filters));
    expect(expected.length).toBeGreaterThan(100);
    const walked = [];
    for await (const page of walkPages((cursor) => getPage(simulator, { ...filters, page_size: 100, ...(cursor && { cursor }) }))) {
      walked.push(...page.results);
    }
    expect(walked).toEqual(expected);
  });

  it("serves a deep unfiltered page", async () => {
    const expected = expectedEvents(simulator, { end_date: "2026-09-01T00:00:00Z" });
    const page = await getPage(simulator, { end_date: "2026-09-01T00:00:00Z", page_size: 100 });
    expect(page.results).toEqual(expected.slice(0, 100));
    const next = await getPage(simulator, { end_date: "2026-09-01T00:00:00Z", page_size: 100, cursor: page.next! });
    expect(next.results).toEqual(expected.slice(100, 200));
  });
});
