import { describe, expect, it } from "vitest";

import { parseFaults } from "../../lib/simulator/faults";
import { chaosSchedule, describeSchedule, simulatorFaults, WARM_UP_S } from "./schedule";

describe("chaos schedule", () => {
  it("puts every step in the first half of the load, in order, without overlaps", () => {
    for (const minutes of [2, 10, 60]) {
      const steps = chaosSchedule(minutes, { database: true });
      expect(steps.map((step) => step.kind)).toEqual(["kill-sync-instance", "upstream-429-burst", "database-outage"]);
      for (const [i, step] of steps.entries()) {
        expect(step.atS + step.durationS).toBeLessThanOrEqual(minutes * 30);
        if (i > 0) expect(step.atS).toBeGreaterThanOrEqual(steps[i - 1]!.atS + steps[i - 1]!.durationS);
      }
    }
  });

  it("has no database outage without a database server", () => {
    expect(chaosSchedule(10, { database: false }).map((step) => step.kind)).not.toContain("database-outage");
  });

  it("hands the simulator a rule it accepts, with the burst at its seconds after the simulator's start", () => {
    const text = simulatorFaults(chaosSchedule(10, { database: true }));
    expect(parseFaults(text).ok).toBe(true);
    expect(text).toContain(`429:5@${WARM_UP_S + 120}s-${WARM_UP_S + 150}s`);
  });

  it("prints each step with its time into the load", () => {
    const lines = describeSchedule(10, chaosSchedule(10, { database: true }));
    expect(lines).toContain("at 1:00: kill -9 the instance holding the sync, restart it 5 s later");
    expect(lines).toContain("at 3:00: kill -9 PostgreSQL, restart it 20 s later");
  });
});
