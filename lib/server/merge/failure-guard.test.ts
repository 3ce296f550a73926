import { describe, expect, it, vi } from "vitest";

import type { AuditTrailPage } from "@/lib/audit-event";

import { createMergeClient, type FetchLike, type MergeClient } from "./client";
import { MergeApiError } from "./errors";
import {
  CLEAN_USER_RESERVE,
  createFailureGuard,
  FAILURE_BUDGET,
  FAILURE_WINDOW_MS,
  MERGE_FAILURE_LIMIT,
  USER_FAILURE_BUDGET,
  type FailureGuard,
} from "./failure-guard";
import type { RetryClock } from "./retry";

// The guard under concurrency, through the Merge client, against a fake Merge that answers a tick
// later (so every burst is truly in flight together) and refuses one cursor with Merge's 404.

const BAD_CURSOR = "YmFk";
const PAGE: AuditTrailPage = { next: null, previous: null, results: [] };

function fakeMerge() {
  const sent: Array<{ cursor: string | null }> = [];
  const fetch: FetchLike = async (url) => {
    const cursor = new URL(url).searchParams.get("cursor");
    sent.push({ cursor });
    await new Promise((resolve) => setImmediate(resolve));
    const body = cursor === BAD_CURSOR ? { detail: "Invalid cursor" } : PAGE;
    return new Response(JSON.stringify(body), { status: cursor === BAD_CURSOR ? 404 : 200 });
  };
  return { fetch, failingSent: () => sent.filter((request) => request.cursor === BAD_CURSOR).length, sent };
}

function setup() {
  let now = 1_000_000;
  const clock = { now: () => now, advance: (ms: number) => void (now += ms) };
  const retryClock: RetryClock = { now: clock.now, random: () => 0.5, sleep: async () => {} };
  const guard = createFailureGuard(clock.now);
  const merge = fakeMerge();
  const client = createMergeClient({
    baseUrl: "https://merge.test/api",
    apiKey: "key",
    category: "hris",
    fetch: merge.fetch,
    timeoutMs: 5_000,
    retry: { clock: retryClock },
    failureGuard: guard,
  });
  return { clock, guard, merge, client };
}

type Outcome = "ok" | "refused" | "held_user" | "held_server";

async function outcome(client: MergeClient, user: string, cursor?: string): Promise<Outcome> {
  try {
    await client.listAuditEvents({ cursor }, { user });
    return "ok";
  } catch (error) {
    if (!(error instanceof MergeApiError)) throw error;
    if (error.code === "invalid_cursor") return "refused";
    if (error.code === "held_back") return error.heldBack === "user" ? "held_user" : "held_server";
    throw error;
  }
}

const burst = (count: number, request: () => Promise<Outcome>) => Promise.all(Array.from({ length: count }, request));
const tally = (outcomes: Outcome[]) => outcomes.reduce<Record<string, number>>((t, o) => ({ ...t, [o]: (t[o] ?? 0) + 1 }), {});

describe("the failure guard under concurrent bursts", () => {
  it("keeps its bound well under Merge's", () => {
    expect(FAILURE_BUDGET).toBeLessThanOrEqual(MERGE_FAILURE_LIMIT / 2);
    expect(USER_FAILURE_BUDGET + CLEAN_USER_RESERVE).toBeLessThanOrEqual(FAILURE_BUDGET);
  });

  it("lets at most one user's budget of 40 concurrent failing requests reach Merge, and holds the rest back", async () => {
    const { client, merge } = setup();
    const outcomes = await burst(40, () => outcome(client, "mallory@acme.test", BAD_CURSOR));
    expect(merge.failingSent()).toBe(USER_FAILURE_BUDGET);
    expect(tally(outcomes)).toEqual({ refused: USER_FAILURE_BUDGET, held_user: 40 - USER_FAILURE_BUDGET });
  });

  it("never lets more than FAILURE_BUDGET failures reach Merge in a window, whatever the number of users", async () => {
    const { client, merge, clock } = setup();
    const users = Array.from({ length: 12 }, (_, i) => `user${i}@acme.test`);
    await Promise.all(users.map((user) => burst(40, () => outcome(client, user, BAD_CURSOR))));
    expect(merge.failingSent()).toBe(FAILURE_BUDGET);
    // Still within the window: nothing more gets through, from anyone.
    clock.advance(FAILURE_WINDOW_MS - 1);
    await Promise.all(users.map((user) => burst(5, () => outcome(client, user, BAD_CURSOR))));
    expect(merge.failingSent()).toBe(FAILURE_BUDGET);
    // Once the window has passed, the budget is there again, and again bounded.
    clock.advance(1);
    await Promise.all(users.map((user) => burst(40, () => outcome(client, user, BAD_CURSOR))));
    expect(merge.failingSent()).toBe(2 * FAILURE_BUDGET);
  });

  it("keeps another user's requests flowing while one user bursts bad cursors", async () => {
    const { client, merge } = setup();
    const [mallory, alice] = await Promise.all([
      burst(40, () => outcome(client, "mallory@acme.test", BAD_CURSOR)),
      burst(40, () => outcome(client, "alice@acme.test")),
    ]);
    expect(tally(alice)).toEqual({ ok: 40 });
    expect(tally(mallory)).toEqual({ refused: USER_FAILURE_BUDGET, held_user: 40 - USER_FAILURE_BUDGET });
    // And afterwards, with Mallory held back for the rest of the window, Alice still gets through.
    expect(await outcome(client, "mallory@acme.test")).toBe("held_user");
    expect(tally(await burst(20, () => outcome(client, "alice@acme.test")))).toEqual({ ok: 20 });
    expect(merge.sent.length).toBe(USER_FAILURE_BUDGET + 60);
  });

  it("keeps slots for users without failures: two users who failed cannot take them", async () => {
    const { client } = setup();
    // Mallory fails first; Trudy then fails while Mallory's failures already count.
    await burst(10, () => outcome(client, "mallory@acme.test", BAD_CURSOR));
    const trudy = [];
    for (let i = 0; i < 10; i++) trudy.push(await outcome(client, "trudy@acme.test", BAD_CURSOR));
    expect(trudy.filter((o) => o === "refused")).toHaveLength(FAILURE_BUDGET - CLEAN_USER_RESERVE - USER_FAILURE_BUDGET);
    expect(tally(await burst(20, () => outcome(client, "alice@acme.test")))).toEqual({ ok: 20 });
  });

  it("does not cut a running export while someone else sends bad requests between its pages", async () => {
    const { client } = setup();
    const exportPages: Outcome[] = [];
    for (let page = 0; page < 30; page++) {
      const [, exported] = await Promise.all([
        burst(10, () => outcome(client, "mallory@acme.test", BAD_CURSOR)),
        outcome(client, "auditor@acme.test", `cGFnZS${page}`),
      ]);
      exportPages.push(exported);
    }
    expect(tally(exportPages)).toEqual({ ok: 30 });
  });
});

/** A slot the test expects to be granted. */
async function slotFor(guard: FailureGuard, user: string) {
  const acquired = await guard.acquire(user);
  if (acquired.kind !== "slot") throw new Error(`expected a slot for ${user}, got held (${acquired.scope})`);
  return acquired;
}

describe("the failure guard's slots", () => {
  function guardOnClock() {
    let now = 0;
    return { guard: createFailureGuard(() => now), advance: (ms: number) => void (now += ms) };
  }

  it("counts requests in flight: a request past the budget waits until one comes back, then goes", async () => {
    const { guard } = guardOnClock();
    const slots = await Promise.all(Array.from({ length: FAILURE_BUDGET }, (_, i) => slotFor(guard, `u${i}@acme.test`)));
    let granted = false;
    const waiting = slotFor(guard, "late@acme.test").then((slot) => ((granted = true), slot));
    await new Promise((resolve) => setImmediate(resolve));
    expect(granted).toBe(false);
    slots[0]!.release(200);
    (await waiting).release(200);
    expect(granted).toBe(true);
    for (const slot of slots.slice(1)) slot.release(200);
  });

  it("counts an answer never known (timeout, network error) as a failure, and a 429 as none", async () => {
    const { guard } = guardOnClock();
    const user = "u@acme.test";
    for (let i = 0; i < 10; i++) (await slotFor(guard, user)).release(429);
    for (let i = 0; i < USER_FAILURE_BUDGET; i++) (await slotFor(guard, user)).release(undefined);
    expect(await guard.acquire(user)).toMatchObject({ kind: "held", scope: "user" });
  });

  it("frees a failure's slot once it leaves the window, and says how long until then", async () => {
    const { guard, advance } = guardOnClock();
    const user = "u@acme.test";
    for (let i = 0; i < USER_FAILURE_BUDGET; i++) {
      (await slotFor(guard, user)).release(500);
      advance(1_000);
    }
    const wait = FAILURE_WINDOW_MS - USER_FAILURE_BUDGET * 1_000;
    expect(await guard.acquire(user)).toEqual({ kind: "held", scope: "user", waitMs: wait });
    advance(wait);
    (await slotFor(guard, user)).release(200);
  });

  it("stops waiting when the caller leaves", async () => {
    const { guard } = guardOnClock();
    const user = "u@acme.test";
    const slots = await Promise.all(Array.from({ length: USER_FAILURE_BUDGET }, () => slotFor(guard, user)));
    const controller = new AbortController();
    const waiting = guard.acquire(user, controller.signal);
    controller.abort(new Error("gone"));
    await expect(waiting).rejects.toThrow("gone");
    for (const slot of slots) slot.release(200);
  });
});

describe("processFailureGuard", () => {
  it("is one guard per process, however many times its module is loaded (one per route bundle)", async () => {
    vi.resetModules();
    const first: FailureGuard = (await import("./failure-guard")).processFailureGuard();
    vi.resetModules();
    const second: FailureGuard = (await import("./failure-guard")).processFailureGuard();
    expect(second).toBe(first);
  });
});
