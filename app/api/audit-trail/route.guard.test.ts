import { describe, expect, it } from "vitest";

import { createSimulator } from "@/lib/simulator";
import { sealCursor } from "@/lib/server/cursor-seal";
import { USER_FAILURE_BUDGET } from "@/lib/server/merge/failure-guard";
import { resetProcessFailureGuard } from "@/testing/failure-guard";
import { recordingRecords, unreachableRecords } from "@/testing/records";
import { apiRequest, CURSOR_SECRET, signedInAs, SIMULATOR_NOW, simulatorSource, type RouteHandler } from "@/testing/routes";

import { createAuditTrailRoute } from "./create-route";
import { createExportRoute } from "./export/create-route";

// The failure guard through the real routes and the embedded simulator: one guard for the whole
// process, whichever source a route was built on, and one user's refused requests hold back only that user.

const MALLORY = "mallory@acme.test";
const ALICE = "alice@acme.test";
// Sealed by us, so it passes every check of ours, around a position the simulator (like Merge) refuses.
const REFUSED_CURSOR = sealCursor(btoa("p=yesterday"), MALLORY, CURSOR_SECRET);

// A fresh guard, as in a fresh process, before any source takes it.
resetProcessFailureGuard();
const simulator = createSimulator({ now: SIMULATOR_NOW });
const route = (email: string) =>
  createAuditTrailRoute({ source: simulatorSource(simulator), getSession: signedInAs(email), cursorSecret: CURSOR_SECRET, records: recordingRecords() });
// Each route below is built on a source of its own, as each route bundle of the app builds its own.
const malloryGET: RouteHandler = route(MALLORY);
const aliceGET: RouteHandler = route(ALICE);
const exportRoute = (email: string) =>
  createExportRoute({
    source: simulatorSource(simulator),
    getSession: signedInAs(email),
    config: { exportMaxEvents: 1_000_000 },
    records: unreachableRecords,
  });

async function answer(response: Response) {
  return { status: response.status, code: ((await response.json()) as { error?: { code: string } }).error?.code ?? "ok" };
}

describe("the failure guard behind /api/audit-trail", () => {
  it("lets only one user's budget of 40 concurrent refused cursors reach the upstream, while another user's requests flow", async () => {
    const before = simulator.requestCount();
    const [bad, good] = await Promise.all([
      Promise.all(Array.from({ length: 40 }, () => malloryGET(apiRequest(`cursor=${REFUSED_CURSOR}`)).then(answer))),
      Promise.all(Array.from({ length: 40 }, () => aliceGET(apiRequest("page_size=5")).then(answer))),
    ]);
    expect(good.every((a) => a.status === 200)).toBe(true);
    expect(bad.filter((a) => a.code === "invalid_cursor")).toHaveLength(USER_FAILURE_BUDGET);
    expect(bad.filter((a) => a.code === "held_back" && a.status === 503)).toHaveLength(40 - USER_FAILURE_BUDGET);
    expect(simulator.requestCount() - before).toBe(USER_FAILURE_BUDGET + 40);
  });

  it("tells the held-back user why, in words, with the wait", async () => {
    const response = await malloryGET(apiRequest("page_size=5"));
    expect(response.status).toBe(503);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    const body = (await response.json()) as { error: { code: string; message: string; retry_after: number } };
    expect(body.error).toMatchObject({ code: "held_back", message: expect.stringMatching(/your recent requests.*paused/) });
    expect(body.error.retry_after).toBe(Number(response.headers.get("retry-after")));
  });

  it("holds the same user back on the export too: every source shares the process's guard", async () => {
    const before = simulator.requestCount();
    const exportPath = { path: "/api/audit-trail/export" };
    expect(await answer(await exportRoute(MALLORY)(apiRequest("format=csv", exportPath)))).toEqual({ status: 503, code: "held_back" });
    const ok = await exportRoute(ALICE)(apiRequest("format=csv&event_type=INVITED_USER", exportPath));
    expect(ok.status).toBe(200);
    await ok.text();
    expect(simulator.requestCount()).toBeGreaterThan(before);
  });
});
