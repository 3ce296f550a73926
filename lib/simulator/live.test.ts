import { afterEach, describe, expect, it, vi } from "vitest";

import { createSimulator } from "./index";
import { getPage } from "@/testing/simulator-requests";

afterEach(() => {
  vi.useRealTimers();
});

describe("live arrival", () => {
  it("adds events at the configured rate, on top of the trail, until closed", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval", "performance"] });
    const simulator = createSimulator({ now: "2026-11-28T12:00:00Z", events: 100, liveEventsPerMinute: 600 });
    const newestBefore = (await getPage(simulator, { page_size: 1 })).results[0]!;
    await vi.advanceTimersByTimeAsync(3_000);
    expect(simulator.size()).toBe(130);
    const top = (await getPage(simulator, { page_size: 30 })).results;
    expect(top.every((event) => event.created_at > newestBefore.created_at)).toBe(true);
    expect(top.every((event) => event.created_at >= "2026-11-28T12:00:00")).toBe(true);
    simulator.close();
    await vi.advanceTimersByTimeAsync(3_000);
    expect(simulator.size()).toBe(130);
  });

  it("is off by default", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval", "performance"] });
    const simulator = createSimulator({ now: "2026-11-28T12:00:00Z", events: 100 });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(simulator.size()).toBe(100);
  });
});
