import { describe, expect, it } from "vitest";

import { AROUND_SPANS, eventsAroundThisTime, onlyThisEventType, onlyThisUser } from "@/components/explorer/event-pivots";
import type { AuditEvent } from "@/lib/audit-event";

const event: AuditEvent = {
  id: "e1",
  user_name: "Ada",
  user_email: "ada@acme.com",
  role: "ADMIN",
  ip_address: "203.0.113.1",
  event_type: "INVITED_USER",
  event_description: "Invited bob@acme.com",
  created_at: "2026-11-28T10:30:00.123456Z",
};

describe("pivots", () => {
  it("narrow the current filters to the event's user or type", () => {
    const filters = { event_type: { include: ["CHANGED_SCOPES"], exclude: [] }, page_size: 50 };
    expect(onlyThisUser(filters, event)).toEqual({ event_type: { include: ["CHANGED_SCOPES"], exclude: [] }, page_size: 50, user_email: { include: ["ada@acme.com"], exclude: [] } });
    expect(onlyThisEventType({ user_email: { include: ["x@y.co"], exclude: [] } }, event)).toEqual({ user_email: { include: ["x@y.co"], exclude: [] }, event_type: { include: ["INVITED_USER"], exclude: [] } });
  });

  it("offer no user pivot for system and API actors", () => {
    expect(onlyThisUser({}, { ...event, user_name: null, user_email: null, role: "SYSTEM" })).toBeNull();
  });

  it("show a span either side of the event, keeping only the page size", () => {
    expect(eventsAroundThisTime({ user_email: { include: ["x@y.co"], exclude: [] }, page_size: 100 }, event, 60 * 60 * 1000)).toEqual({
      page_size: 100,
      start_date: "2026-11-28T09:30:00.123Z",
      end_date: "2026-11-28T11:30:00.123Z",
    });
    expect(AROUND_SPANS.map(({ label }) => label)).toEqual(["±5 min", "±1 h", "±1 day"]);
    expect(eventsAroundThisTime({}, event, AROUND_SPANS[0].ms)).toEqual({
      page_size: undefined,
      start_date: "2026-11-28T10:25:00.123Z",
      end_date: "2026-11-28T10:35:00.123Z",
    });
  });
});
