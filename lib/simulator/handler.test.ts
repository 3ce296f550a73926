import { describe, expect, it } from "vitest";

import { walkPages } from "../paging";
import { MERGE_CATEGORIES } from "../upstream";
import { createSimulator, DEFAULT_SIMULATOR_API_KEY } from "./index";
import { BASE, get, getPage } from "@/testing/simulator-requests";
import { expectedEvents } from "@/testing/simulator-oracle";

const simulator = createSimulator({ now: "2026-11-28T12:00:00Z" });
const AUTH = { Authorization: `Bearer ${DEFAULT_SIMULATOR_API_KEY}` };

async function call(url: string, init: RequestInit = {}) {
  const response = await simulator.handle(new Request(url, init));
  return { status: response.status, headers: response.headers, body: response.status === 200 && init.method === "HEAD" ? null : await response.json() };
}

describe("routes", () => {
  it.each(MERGE_CATEGORIES.flatMap((category) => [`/api/${category}/v1/audit-trail`, `/api/${category}/v1/audit-trail/`]))(
    "serves the same organization-wide trail at %s",
    async (path) => {
      const response = await simulator.handle(new Request(`http://sim.test${path}?page_size=3`, { headers: AUTH }));
      expect(response.status).toBe(200);
      expect((await response.json()).results).toEqual(expectedEvents(simulator).slice(0, 3));
    },
  );

  it.each(["/api/unknown/v1/audit-trail", "/api/hris/v2/audit-trail", "/api/hris/v1/audit-trail//", "/audit-trail", "/"])(
    "answers 404 Not found. at %s, before checking the key",
    async (path) => {
      for (const headers of [AUTH, {}]) {
        expect(await call(`http://sim.test${path}`, { headers })).toMatchObject({ status: 404, body: { detail: "Not found." } });
      }
    },
  );
});

describe("authentication", () => {
  it.each([
    ["no Authorization header", undefined, "Authentication credentials were not provided."],
    ["another scheme", `Token ${DEFAULT_SIMULATOR_API_KEY}`, "Authentication credentials were not provided."],
    ["Bearer without a key", "Bearer", "Invalid token header. No credentials provided."],
    ["a key with spaces", "Bearer two words", "Invalid token header. Token string should not contain spaces."],
    ["a wrong key", "Bearer sk_live_wrong", "Invalid token."],
  ])("answers 401 for %s", async (_, authorization, detail) => {
    const response = await call(BASE, { headers: authorization ? { Authorization: authorization } : {} });
    expect(response).toMatchObject({ status: 401, body: { detail } });
    expect(response.headers.get("WWW-Authenticate")).toMatch(/^Bearer/);
  });

  it("accepts the configured key, any case of the scheme, and ignores X-Account-Token", async () => {
    const custom = createSimulator({ now: "2026-11-28T12:00:00Z", events: 50, apiKey: "sk_custom" });
    const ok = await custom.handle(
      new Request(BASE, { headers: { Authorization: "bearer sk_custom", "X-Account-Token": "anything" } }),
    );
    expect(ok.status).toBe(200);
    expect((await custom.handle(new Request(BASE, { headers: AUTH }))).status).toBe(401);
  });
});

describe("methods", () => {
  it.each(["POST", "PUT", "PATCH", "DELETE"])("answers 405 to %s with the key, 401 without", async (method) => {
    const allowed = await call(BASE, { method, headers: AUTH });
    expect(allowed).toMatchObject({ status: 405, body: { detail: `Method "${method}" not allowed.` } });
    expect(allowed.headers.get("Allow")).toBe("GET, HEAD");
    expect((await call(BASE, { method })).status).toBe(401);
  });

  it("answers HEAD like GET, without a body", async () => {
    const response = await simulator.handle(new Request(BASE, { method: "HEAD", headers: AUTH }));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("");
  });
});

describe("validation", () => {
  it.each([
    [{ start_date: "yesterday" }, { start_date: ["Enter a valid date/time."] }],
    [{ end_date: "2026-02-30T00:00:00Z" }, { end_date: ["Enter a valid date/time."] }],
    [{ user_email: "not-an-email" }, { user_email: ["Enter a valid email address."] }],
    [{ page_size: "ten" }, { page_size: ["A valid integer is required."] }],
    [{ page_size: "2.5" }, { page_size: ["A valid integer is required."] }],
    [{ page_size: "0" }, { page_size: ["Ensure this value is greater than or equal to 1."] }],
    [{ page_size: "-5" }, { page_size: ["Ensure this value is greater than or equal to 1."] }],
    [
      { start_date: "soon", end_date: "later", page_size: "x", cursor: "%%%" },
      { start_date: ["Enter a valid date/time."], end_date: ["Enter a valid date/time."], page_size: ["A valid integer is required."] },
    ],
  ])("answers 400 with DRF field errors for %j", async (query, errors) => {
    const response = await get(simulator, query);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(errors);
  });

  it.each(["%%%", "abc", btoa("o=-1"), btoa("p=yesterday"), btoa("r=2")])(
    "answers 404 Invalid cursor for cursor=%s",
    async (cursor) => {
      const response = await get(simulator, { cursor });
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ detail: "Invalid cursor" });
    },
  );

  it("defaults page_size to 30 and caps it at 100", async () => {
    expect((await getPage(simulator)).results).toHaveLength(30);
    expect((await getPage(simulator, { page_size: 500 })).results).toHaveLength(100);
    expect((await getPage(simulator, { page_size: 7 })).results).toHaveLength(7);
  });

  it("ignores unknown parameters and empty values, and uses the last of repeated ones", async () => {
    const plain = await getPage(simulator, { page_size: 5 });
    expect(await getPage(simulator, { page_size: 5, ordering: "created_at", foo: "bar", user_email: "", start_date: "" })).toEqual(plain);
    const response = await simulator.handle(new Request(`${BASE}?page_size=2&page_size=5`, { headers: AUTH }));
    expect((await response.json()).results).toHaveLength(5);
  });
});

describe("a full walk of the default data", () => {
  it("visits every event once, newest first, through next", async () => {
    const walked = [];
    for await (const page of walkPages((cursor) => getPage(simulator, { page_size: 100, ...(cursor && { cursor }) }))) {
      walked.push(...page.results);
    }
    expect(walked).toHaveLength(4000);
    expect(new Set(walked.map((event) => event.id)).size).toBe(4000);
    expect(walked).toEqual(expectedEvents(simulator));
  });
});

describe("an empty trail", () => {
  it("answers one empty page with null cursors", async () => {
    const empty = createSimulator({ now: "2026-11-28T12:00:00Z", events: 0 });
    expect(await getPage(empty)).toEqual({ next: null, previous: null, results: [] });
  });
});
