import { describe, expect, it } from "vitest";

import type { AuditEvent } from "@/lib/audit-event";
import { PEOPLE_EVENTS_CAP, peopleInEvents, peopleQuerySchema } from "@/lib/people";

const event = (user_name: string | null, user_email: string | null, id: string): AuditEvent => ({
  id,
  user_name,
  user_email,
  role: "ADMIN",
  ip_address: "203.0.113.1",
  event_type: "INVITED_USER",
  event_description: "Invited someone",
  created_at: "2026-11-28T10:30:00Z",
});

// Newest first, as the explorer holds them.
const EVENTS = [
  event("Olivia Bennett", "Olivia.Bennett@northwind.example", "1"),
  event("Ben Okafor", "ben@northwind.example", "2"),
  event("Olivia B.", "olivia.bennett@northwind.example", "3"),
  event(null, null, "4"),
  event("Noah Lee", "noah@acme.example", "5"),
];

describe("peopleInEvents (ARCHIVE=off)", () => {
  it("finds people by part of a name or an email, any letter case, with their newest name and their count", () => {
    expect(peopleInEvents(EVENTS, "olivia bennett")).toEqual([
      { name: "Olivia Bennett", email: "olivia.bennett@northwind.example", events: 2, events_capped: false },
    ]);
    expect(peopleInEvents(EVENTS, "NORTHWIND")).toEqual([
      { name: "Ben Okafor", email: "ben@northwind.example", events: 1, events_capped: false },
      { name: "Olivia Bennett", email: "olivia.bennett@northwind.example", events: 2, events_capped: false },
    ]);
  });

  it("puts those whose name or email starts with the text first, and stops at the limit", () => {
    expect(peopleInEvents(EVENTS, "ben").map((person) => person.email)).toEqual([
      "ben@northwind.example",
      "olivia.bennett@northwind.example",
    ]);
    expect(peopleInEvents(EVENTS, "e", 2)).toHaveLength(2);
    expect(peopleInEvents(EVENTS, "nobody")).toEqual([]);
  });

  it("counts up to the cap, and says when there are more", () => {
    const many = Array.from({ length: PEOPLE_EVENTS_CAP + 1 }, (_, index) => event("Noah Lee", "noah@acme.example", `n${index}`));
    expect(peopleInEvents(many, "noah")).toEqual([
      { name: "Noah Lee", email: "noah@acme.example", events: PEOPLE_EVENTS_CAP, events_capped: true },
    ]);
    expect(peopleInEvents(many.slice(1), "noah")[0]).toMatchObject({ events: PEOPLE_EVENTS_CAP, events_capped: false });
  });
});

describe("peopleQuerySchema", () => {
  it("trims the text and takes 8 people by default", () => {
    expect(peopleQuerySchema.parse({ q: "  oli " })).toEqual({ q: "oli", limit: 8 });
    expect(peopleQuerySchema.safeParse({ q: "" }).success).toBe(false);
  });
});
