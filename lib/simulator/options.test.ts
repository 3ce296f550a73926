import { describe, expect, it } from "vitest";

import { createSimulator, DEFAULT_SIMULATOR_API_KEY, simulatorOptionsFromEnv, simulatorPortFromEnv } from "./index";

describe("simulator settings from the environment", () => {
  it("uses the documented defaults when nothing (or blanks) is set", () => {
    const simulator = createSimulator(simulatorOptionsFromEnv({ SIMULATOR_EVENTS: "", SIMULATOR_FAULTS: " " }));
    expect(simulator.options).toMatchObject({
      apiKey: DEFAULT_SIMULATOR_API_KEY,
      seed: "42",
      events: 4000,
      days: 90,
      faults: "",
      latencyMs: 0,
      liveEventsPerMinute: 0,
    });
    expect(simulator.size()).toBe(4000);
    expect(simulatorPortFromEnv({})).toBe(4010);
  });

  it("reads every SIMULATOR_* variable", () => {
    const options = simulatorOptionsFromEnv({
      SIMULATOR_API_KEY: "sk_test",
      SIMULATOR_SEED: "demo",
      SIMULATOR_EVENTS: "1200",
      SIMULATOR_NOW: "2026-11-28T12:00:00Z",
      SIMULATOR_DAYS: "30",
      SIMULATOR_FAULTS: "429:2@3",
      SIMULATOR_LATENCY_MS: "25",
      SIMULATOR_LIVE_EVENTS_PER_MINUTE: "6",
    });
    expect(options).toEqual({
      apiKey: "sk_test",
      seed: "demo",
      events: 1200,
      now: "2026-11-28T12:00:00Z",
      days: 30,
      faults: "429:2@3",
      latencyMs: 25,
      liveEventsPerMinute: 6,
    });
    expect(simulatorPortFromEnv({ SIMULATOR_PORT: "4201" })).toBe(4201);
  });

  it.each([
    ["SIMULATOR_EVENTS", "lots"],
    ["SIMULATOR_EVENTS", "2000000"],
    ["SIMULATOR_NOW", "yesterday"],
    ["SIMULATOR_FAULTS", "teapot"],
    ["SIMULATOR_LATENCY_MS", "-1"],
    ["SIMULATOR_PORT", "99999"],
  ])("names %s when it is wrong (%s)", (name, value) => {
    expect(() => simulatorOptionsFromEnv({ [name]: value })).toThrow(name);
  });
});
