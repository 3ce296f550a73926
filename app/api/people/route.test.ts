import { describe, expect, it } from "vitest";

import { createSimulator } from "@/lib/simulator";
import type { PeopleQuery, Person } from "@/lib/people";
import { apiRequest, signedIn, signedOut, SIMULATOR_NOW, simulatorSource } from "@/testing/routes";

import { createPeopleRoute } from "./create-route";

// GET /api/people: the query checked before anything is read, the archive's answer passed on, and
// no list at all without a session or without an archive.

const simulator = createSimulator({ now: SIMULATOR_NOW });
const OLIVIA: Person = { name: "Olivia Bennett", email: "olivia.bennett@northwindhr.com", events: 412, events_capped: false };

function routeWithArchive() {
  const asked: PeopleQuery[] = [];
  const GET = createPeopleRoute({
    getSession: signedIn,
    source: {
      ...simulatorSource(simulator),
      findPeople: async (query) => {
        asked.push(query);
        return [OLIVIA];
      },
    },
  });
  return { GET, asked };
}

const people = (search: string) => apiRequest(search, { path: "/api/people" });

describe("GET /api/people", () => {
  it("answers the archive's people for part of a name, asking for 8 unless told", async () => {
    const { GET, asked } = routeWithArchive();
    const response = await GET(people("q=%20Olivia%20Ben"));
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    expect(await response.json()).toEqual({ people: [OLIVIA] });
    await GET(people("q=oli&limit=20"));
    expect(asked).toEqual([
      { q: "Olivia Ben", limit: 8 },
      { q: "oli", limit: 20 },
    ]);
  });

  it.each([
    ["", "q"],
    ["q=%20%20", "q"],
    [`q=${"x".repeat(101)}`, "q"],
    ["q=oli&limit=0", "limit"],
    ["q=oli&limit=21", "limit"],
    ["q=oli&limit=2.5", "limit"],
    ["q=oli&limit=many", "limit"],
    ["q=oli&q=ben", "q"],
    ["q=oli&user_email=a%40b.co", "user_email"],
  ])("%s is a 400 naming %s, and reads nothing", async (search, field) => {
    const { GET, asked } = routeWithArchive();
    const response = await GET(people(search));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "invalid_filter", field } });
    expect(asked).toEqual([]);
  });

  it("is 401 without a session", async () => {
    const GET = createPeopleRoute({ getSession: signedOut, source: simulatorSource(simulator) });
    const response = await GET(people("q=oli"));
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: "unauthenticated" } });
  });

  it("is archive_unavailable with ARCHIVE=off: Merge cannot list people, the browser looks in its own events", async () => {
    const GET = createPeopleRoute({ getSession: signedIn, source: simulatorSource(simulator) });
    const response = await GET(people("q=oli"));
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ error: { code: "archive_unavailable" } });
  });
});
