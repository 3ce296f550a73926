import { describe, expect, it } from "vitest";

import { createSimulator } from "./index";
import { getPage } from "@/testing/simulator-requests";
import { expectedEvents, mergeFilters } from "@/testing/simulator-oracle";

// Each filter against a brute-force filter of the whole trail (expectedEvents), including the
// choices Merge leaves open: exclusive date bounds and case-insensitive emails.

const simulator = createSimulator({ now: "2026-11-28T12:00:00Z" });
const all = expectedEvents(simulator);

async function firstPage(query: Record<string, string>) {
  return (await getPage(simulator, { ...query, page_size: 100 })).results;
}

describe("filters", () => {
  it("user_email matches exactly, ignoring case, the email the user had at the time", async () => {
    const expected = all.filter((event) => event.user_email === "lena.fischer@northwindhr.com");
    expect(expected.length).toBeGreaterThan(0);
    expect(await firstPage({ user_email: "Lena.Fischer@NorthwindHR.com" })).toEqual(expected.slice(0, 100));
    expect(await firstPage({ user_email: "tom.becker@northwindhr.com" })).toEqual(
      all.filter((event) => event.user_email === "Tom.Becker@northwindhr.com").slice(0, 100),
    );
    expect(await firstPage({ user_email: "lena.fischer@northwind.com" })).toEqual([]);
  });

  it("event_type matches exactly; a code nobody emitted matches nothing", async () => {
    expect(await firstPage({ event_type: "INVITED_USER" })).toEqual(all.filter((e) => e.event_type === "INVITED_USER").slice(0, 100));
    expect(await firstPage({ event_type: "EXPORTED_AUDIT_TRAIL" })).toEqual(all.filter((e) => e.event_type === "EXPORTED_AUDIT_TRAIL"));
    expect(await firstPage({ event_type: "invited_user" })).toEqual([]);
    expect(await firstPage({ event_type: "NOT_A_REAL_TYPE" })).toEqual([]);
  });

  it("start_date is strictly after and end_date strictly before", async () => {
    const pivot = all[50]!;
    const after = await firstPage({ start_date: pivot.created_at });
    expect(after).toEqual(all.filter((e) => e.created_at > pivot.created_at));
    expect(after).not.toContainEqual(pivot);
    const before = await firstPage({ end_date: pivot.created_at });
    expect(before[0]!.created_at < pivot.created_at).toBe(true);
    expect(before).toEqual(all.filter((e) => e.created_at < pivot.created_at).slice(0, 100));
  });

  it("reads dates with a zone offset, date-only dates as midnight UTC, and matches nothing when start is after end", async () => {
    expect(await firstPage({ start_date: "2026-11-27T19:00:00-05:00" })).toEqual(
      all.filter((e) => e.created_at > "2026-11-28T00:00:00.000000Z"),
    );
    expect(await firstPage({ start_date: "2026-11-28" })).toEqual(await firstPage({ start_date: "2026-11-28T00:00:00Z" }));
    expect(await firstPage({ start_date: "2026-11-20T00:00:00Z", end_date: "2026-11-10T00:00:00Z" })).toEqual([]);
  });

  it("combines every filter with AND, like the brute-force list", async () => {
    const filters = {
      user_email: "olivia.bennett@northwindhr.com",
      event_type: "CHANGED_SCOPES",
      start_date: "2026-09-15T00:00:00Z",
      end_date: "2026-11-15T00:00:00Z",
    };
    const expected = expectedEvents(simulator, mergeFilters(filters));
    expect(expected.length).toBeGreaterThan(0);
    expect(
      expected.every(
        (e) =>
          e.user_email === filters.user_email &&
          e.event_type === filters.event_type &&
          e.created_at > "2026-09-15" &&
          e.created_at < "2026-11-15",
      ),
    ).toBe(true);
    expect(await firstPage(filters)).toEqual(expected);
  });
});
