import { beforeEach, describe, expect, it } from "vitest";

import { createSimulator } from "@/lib/simulator";
import { parseServerConfig } from "@/lib/server/config";
import { USER_FAILURE_BUDGET } from "@/lib/server/merge/failure-guard";
import { resetProcessFailureGuard } from "@/testing/failure-guard";

import { createUpstreamClient } from "./upstream-client";

beforeEach(() => resetProcessFailureGuard());

describe("createUpstreamClient", () => {
  it("gives every client the process's one failure guard, so the archive's sync and live reads spend one budget", async () => {
    const simulator = createSimulator({ now: "2026-11-28T12:00:00Z", events: 10, faults: "500" });
    const config = parseServerConfig({});
    // One attempt per call, as lib/server/archive/runtime.ts builds the sync's client.
    const sync = createUpstreamClient(config, { simulator, retry: { policy: { maxRetries: 0 } } });
    const live = createUpstreamClient(config, { simulator, retry: { policy: { maxRetries: 0 } } });
    for (let i = 0; i < USER_FAILURE_BUDGET; i += 1) {
      await expect(sync.listAuditEvents({ page_size: 100 })).rejects.toMatchObject({ code: "upstream_unavailable" });
    }
    expect(simulator.requestCount()).toBe(USER_FAILURE_BUDGET);
    // The other client's request is held back by the sync's failures, and never reaches Merge.
    await expect(live.listAuditEvents({ page_size: 30 })).rejects.toMatchObject({ code: "held_back" });
    expect(simulator.requestCount()).toBe(USER_FAILURE_BUDGET);
  });
});
