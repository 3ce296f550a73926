import { describe, expect, it } from "vitest";

import { auditEventSchema } from "../audit-event";
import { isKnownEventType, KNOWN_EVENT_TYPES, ROLES } from "../event-types";
import { createSimulator } from "./index";
import { expectedEvents } from "@/testing/simulator-oracle";

const NOW = "2026-11-28T12:00:00Z";
const events = expectedEvents(createSimulator({ now: NOW }));

describe("the default dataset", () => {
  it("has 4,000 valid events with unique ids over the 90 days up to now, newest first", () => {
    expect(events).toHaveLength(4000);
    for (const event of events) auditEventSchema.parse(event);
    expect(new Set(events.map((event) => event.id)).size).toBe(events.length);
    const times = events.map((event) => Date.parse(event.created_at));
    expect(times.every((time, i) => i === 0 || time <= times[i - 1]!)).toBe(true);
    expect(times[0]).toBeLessThanOrEqual(Date.parse(NOW));
    expect(times.at(-1)).toBeGreaterThanOrEqual(Date.parse(NOW) - 90 * 86_400_000);
  });

  it("is the same for the same seed and different for another seed", () => {
    expect(expectedEvents(createSimulator({ now: NOW, seed: 42 }))).toEqual(events);
    const other = expectedEvents(createSimulator({ now: NOW, seed: "another" }));
    expect(other).toHaveLength(4000);
    expect(other.slice(0, 50)).not.toEqual(events.slice(0, 50));
  });

  it("has every one of the 43 known event types", () => {
    const seen = new Set(events.map((event) => event.event_type));
    expect(KNOWN_EVENT_TYPES).toHaveLength(43);
    expect(KNOWN_EVENT_TYPES.filter((code) => !seen.has(code))).toEqual([]);
  });

  it("also has event types and roles that are not in today's enums", () => {
    const unknownTypes = new Set(events.map((event) => event.event_type).filter((code) => !isKnownEventType(code)));
    const knownRoles: readonly string[] = ROLES;
    const unknownRoles = new Set(events.map((event) => event.role).filter((role) => !knownRoles.includes(role)));
    expect([...unknownTypes]).toContain("EXPORTED_AUDIT_TRAIL");
    expect([...unknownRoles]).toContain("AUDITOR");
    expect(events.filter((event) => event.role === "AUDITOR").length).toBeGreaterThanOrEqual(3);
    expect(events.filter((event) => event.event_type === "EXPORTED_AUDIT_TRAIL").length).toBeGreaterThanOrEqual(3);
  });

  it("has bursts of events sharing one exact timestamp", () => {
    const perInstant = new Map<string, number>();
    for (const event of events) perInstant.set(event.created_at, (perInstant.get(event.created_at) ?? 0) + 1);
    const bursts = [...perInstant.values()].filter((count) => count >= 3);
    expect(bursts.length).toBeGreaterThan(20);
  });

  it("has SYSTEM and API actors without name or email, and about 30 people with both", () => {
    for (const role of ["SYSTEM", "API"]) {
      const actors = events.filter((event) => event.role === role);
      expect(actors.length).toBeGreaterThan(0);
      expect(actors.every((event) => event.user_name === null && event.user_email === null)).toBe(true);
    }
    const people = new Set(events.flatMap((event) => (event.user_name ? [event.user_name] : [])));
    expect(people.size).toBeGreaterThanOrEqual(28);
    expect(people.size).toBeLessThanOrEqual(40);
  });

  it("records people as they were: an email change and a role change over time", () => {
    const emailsOf = (name: string) => new Set(events.filter((e) => e.user_name === name).map((e) => e.user_email));
    expect(emailsOf("Lena Fischer").size).toBe(2);
    const rolesOf = (email: string) => new Set(events.filter((e) => e.user_email === email).map((e) => e.role));
    expect(rolesOf("marcus.webb@northwindhr.com")).toEqual(new Set(["MEMBER", "DEVELOPER"]));
    // After the change, the new email only.
    const lena = events.filter((e) => e.user_name === "Lena Fischer");
    expect(lena[0]!.user_email).toBe("lena.fischer@northwind.dev");
    expect(lena.at(-1)!.user_email).toBe("lena.fischer@northwindhr.com");
  });

  it("has IPv4 and IPv6 addresses", () => {
    expect(events.some((event) => /^\d+\.\d+\.\d+\.\d+$/.test(event.ip_address))).toBe(true);
    expect(events.some((event) => event.ip_address.includes(":"))).toBe(true);
  });

  it("describes events the way a Merge customer would recognise", () => {
    const descriptions = events.map((event) => event.event_description).join("\n");
    for (const noun of ["Workday", "BambooHR", "Greenhouse", "Salesforce", "NetSuite", "hris.Employee", "Read+Write"]) {
      expect(descriptions).toContain(noun);
    }
    expect(descriptions).toMatch(/Organization-wide Scopes for model \w+\.\w+ updated from [\w+]+ to [\w+]+/);
  });
});
