import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";

import { sealCursor } from "@/lib/server/cursor-seal";
import { USER_FAILURE_BUDGET } from "@/lib/server/merge/failure-guard";
import type { Simulator } from "@/lib/simulator";

import { apiRequest, loadRoute, sessionCookie, TEST_SECRET, type RouteHandler } from "./test-harness";

// The failure guard through the real routes and the embedded simulator: one guard for the whole
// process, whichever route bundle asks, and one user's refused requests hold back only that user.

const MALLORY = "mallory@acme.test";
const ALICE = "alice@acme.test";
// Sealed by us, so it passes every check of ours, around a position the simulator (like Merge) refuses.
const REFUSED_CURSOR = sealCursor(btoa("p=yesterday"), MALLORY, TEST_SECRET);

let GET: RouteHandler;
let simulator: Simulator;
let mallory: string;
let alice: string;

beforeAll(async () => {
  GET = await loadRoute({ AUTH_ALLOWED_EMAILS: `${MALLORY},${ALICE}` });
  simulator = (await import("@/lib/server/merge/embedded")).embeddedSimulator();
  [mallory, alice] = await Promise.all([sessionCookie(MALLORY), sessionCookie(ALICE)]);
});

async function answer(response: Response) {
  return { status: response.status, code: ((await response.json()) as { error?: { code: string } }).error?.code ?? "ok" };
}

describe("the failure guard behind /api/audit-trail", () => {
  it("lets only one user's budget of 40 concurrent refused cursors reach the upstream, while another user's requests flow", async () => {
    const before = simulator.requestCount();
    const [bad, good] = await Promise.all([
      Promise.all(Array.from({ length: 40 }, () => GET(apiRequest(`cursor=${REFUSED_CURSOR}`, mallory)).then(answer))),
      Promise.all(Array.from({ length: 40 }, () => GET(apiRequest("page_size=5", alice)).then(answer))),
    ]);
    expect(good.every((a) => a.status === 200)).toBe(true);
    expect(bad.filter((a) => a.code === "invalid_cursor")).toHaveLength(USER_FAILURE_BUDGET);
    expect(bad.filter((a) => a.code === "held_back" && a.status === 503)).toHaveLength(40 - USER_FAILURE_BUDGET);
    expect(simulator.requestCount() - before).toBe(USER_FAILURE_BUDGET + 40);
  });

  it("tells the held-back user why, in words, with the wait", async () => {
    const response = await GET(apiRequest("page_size=5", mallory));
    expect(response.status).toBe(503);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    const body = (await response.json()) as { error: { code: string; message: string; retry_after: number } };
    expect(body.error).toMatchObject({ code: "held_back", message: expect.stringMatching(/your recent requests.*paused/) });
  });

  it("holds the same user back on the export too: every route bundle shares the process's guard", async () => {
    vi.resetModules();
    const { GET: exportGET } = await import("./export/route");
    const before = simulator.requestCount();
    const request = new NextRequest("http://127.0.0.1:3000/api/audit-trail/export?format=csv", { headers: { cookie: mallory } });
    expect(await answer(await exportGET(request))).toEqual({ status: 503, code: "held_back" });
    const ok = await exportGET(new NextRequest("http://127.0.0.1:3000/api/audit-trail/export?format=csv&event_type=INVITED_USER", { headers: { cookie: alice } }));
    expect(ok.status).toBe(200);
    await ok.text();
    expect(simulator.requestCount()).toBeGreaterThan(before);
  });
});
