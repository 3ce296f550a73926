import { describe, expect, it } from "vitest";

import {
  compareEventPositions,
  countNewEvents,
  mayHaveNewEvents,
  newEventsLabel,
  NO_NEW_EVENTS,
  type EventPosition,
} from "@/components/explorer/new-events";
import type { AuditEvent, AuditTrailPage } from "@/lib/audit-event";

const NOW = Date.parse("2026-11-28T12:00:00Z");

function event(id: string, created_at: string): AuditEvent {
  return {
    id,
    created_at,
    user_name: "Jane Doe",
    user_email: "jane@acme.com",
    role: "ADMIN",
    ip_address: "192.0.2.1",
    event_type: "INVITED_USER",
    event_description: "Invited a user",
  };
}

const page = (results: AuditEvent[], next: string | null = null): AuditTrailPage => ({ next, previous: null, results });

describe("compareEventPositions", () => {
  it("tells apart events one microsecond apart, which a Date cannot", () => {
    const earlier = { id: "b", created_at: "2026-11-28T11:00:00.123456Z" };
    const later = { id: "a", created_at: "2026-11-28T11:00:00.123457Z" };
    expect(new Date(earlier.created_at).getTime()).toBe(new Date(later.created_at).getTime());
    expect(compareEventPositions(later, earlier)).toBeGreaterThan(0);
    expect(compareEventPositions(earlier, later)).toBeLessThan(0);
  });

  it("compares instants, not spellings: zones, missing or shorter fractions", () => {
    expect(compareEventPositions({ id: "a", created_at: "2026-11-28T12:00:00.5+01:00" }, { id: "a", created_at: "2026-11-28T11:00:00.500000Z" })).toBe(0);
    expect(compareEventPositions({ id: "a", created_at: "2026-11-28T11:00:01Z" }, { id: "a", created_at: "2026-11-28T11:00:00.999999Z" })).toBeGreaterThan(0);
    // As text, "…00.9Z" sorts after "…00.10Z": as instants it is the newer one.
    expect(compareEventPositions({ id: "a", created_at: "2026-11-28T11:00:00.9Z" }, { id: "a", created_at: "2026-11-28T11:00:00.10Z" })).toBeGreaterThan(0);
  });

  it("orders events of the same microsecond by id", () => {
    const at = "2026-11-28T11:00:00.000001Z";
    expect(compareEventPositions({ id: "b", created_at: at }, { id: "a", created_at: at })).toBeGreaterThan(0);
    expect(compareEventPositions({ id: "a", created_at: at }, { id: "a", created_at: at })).toBe(0);
  });
});

describe("mayHaveNewEvents", () => {
  const top: EventPosition = { id: "top", created_at: "2026-11-28T11:00:00.000001Z" };

  it("looks when the archive's newest event is newer than the top row, even by a microsecond", () => {
    expect(mayHaveNewEvents({}, top, "2026-11-28T11:00:00.000002Z", NOW)).toBe(true);
    expect(mayHaveNewEvents({}, top, "2026-11-28T11:00:00.000001Z", NOW)).toBe(false);
    expect(mayHaveNewEvents({}, top, "2026-11-28T10:00:00Z", NOW)).toBe(false);
  });

  it("does not look without an archive head, or for a range that ended", () => {
    expect(mayHaveNewEvents({}, top, null, NOW)).toBe(false);
    expect(mayHaveNewEvents({ end_date: "2026-11-28T11:30:00.000Z" }, top, "2026-11-28T11:20:00Z", NOW)).toBe(false);
    expect(mayHaveNewEvents({ end_date: "2026-11-28T12:00:00.000Z" }, top, "2026-11-28T11:20:00Z", NOW)).toBe(false);
  });

  it("looks for a range that ends in the future, and for an empty view", () => {
    expect(mayHaveNewEvents({ end_date: "2026-11-29T00:00:00.000Z" }, top, "2026-11-28T11:20:00Z", NOW)).toBe(true);
    expect(mayHaveNewEvents({ start_date: "2026-11-28T11:00:00.000Z" }, undefined, "2026-11-28T11:20:00Z", NOW)).toBe(true);
  });
});

describe("countNewEvents", () => {
  const top = event("e3", "2026-11-28T11:00:00.000003Z");
  const older = event("e2", "2026-11-28T11:00:00.000002Z");

  it("counts the events above the top row in the fresh page", () => {
    const fresh = page([event("e5", "2026-11-28T11:00:00.000005Z"), event("e4", "2026-11-28T11:00:00.000004Z"), top, older]);
    expect(countNewEvents(fresh, top)).toEqual({ count: 2, more: false });
  });

  it("finds nothing new when the top row is still first", () => {
    expect(countNewEvents(page([top, older], "next"), top)).toEqual(NO_NEW_EVENTS);
  });

  it("follows the page's own order for events of the top row's microsecond", () => {
    // The store put "a" above the top row "z" though its id sorts lower: it is still above it.
    const sameInstant = event("a", top.created_at);
    const onScreen = event("z", top.created_at);
    expect(countNewEvents(page([sameInstant, onScreen, older]), onScreen)).toEqual({ count: 1, more: false });
  });

  it("counts by time when the fresh page no longer reaches the top row", () => {
    const fresh = page(
      Array.from({ length: 100 }, (_, i) => event(`n${i}`, `2026-11-28T11:30:00.${String(999_999 - i).padStart(6, "0")}Z`)),
      "more",
    );
    expect(countNewEvents(fresh, top)).toEqual({ count: 100, more: true });
    expect(countNewEvents({ ...fresh, next: null }, top)).toEqual({ count: 100, more: false });
  });

  it("counts only newer events when the top row is missing from a page that reaches past it", () => {
    // e.g. the top row was pruned by retention: what is older than it is not new.
    const fresh = page([event("e4", "2026-11-28T11:00:00.000004Z"), older]);
    expect(countNewEvents(fresh, top)).toEqual({ count: 1, more: false });
  });

  it("counts every event for an empty view", () => {
    expect(countNewEvents(page([top, older]), undefined)).toEqual({ count: 2, more: false });
    expect(countNewEvents(page([]), undefined)).toEqual(NO_NEW_EVENTS);
  });
});

describe("newEventsLabel", () => {
  it("says how many, in the singular for one, and 100+ past a full page", () => {
    expect(newEventsLabel({ count: 1, more: false })).toBe("1 new event");
    expect(newEventsLabel({ count: 37, more: false })).toBe("37 new events");
    expect(newEventsLabel({ count: 100, more: false })).toBe("100 new events");
    expect(newEventsLabel({ count: 100, more: true })).toBe("100+ new events");
  });
});
