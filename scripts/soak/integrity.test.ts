import { describe, expect, it } from "vitest";

import { compareArchive, judgeExport, type ExportRun } from "./integrity";

describe("the archive against the upstream", () => {
  it("counts lost, doubled and invented events", () => {
    expect(compareArchive(["a", "b", "c"], ["a", "b", "c"])).toEqual({ lost: 0, doubled: 0, extra: 0 });
    expect(compareArchive(["a", "b", "c"], ["a", "c", "c", "z"])).toEqual({ lost: 1, doubled: 1, extra: 1 });
  });
});

describe("an export against the archive at its start", () => {
  const known = new Set(["a", "b", "c", "d"]);
  const run = (overrides: Partial<ExportRun>): ExportRun => ({ outcome: "complete", ids: ["c", "b", "a"], heldAtStart: ["c", "b", "a"], ...overrides });

  it("is whole when it holds every event the archive held, and may hold newer ones", () => {
    expect(judgeExport(run({}), known).verdict).toBe("whole");
    expect(judgeExport(run({ ids: ["d", "c", "b", "a"] }), known).verdict).toBe("whole");
  });

  it("is short when it ended cleanly without an event the archive held, or with one twice", () => {
    expect(judgeExport(run({ ids: ["c", "a"] }), known)).toEqual({ verdict: "short", missing: 1, duplicates: 0, unknown: 0 });
    expect(judgeExport(run({ ids: ["c", "b", "b", "a"] }), known)).toMatchObject({ verdict: "short", duplicates: 1 });
    expect(judgeExport(run({ ids: ["c", "b", "a", "x"] }), known)).toMatchObject({ verdict: "short", unknown: 1 });
    expect(judgeExport(run({ unreadable: true }), known).verdict).toBe("short");
  });

  it("failed visibly when refused, cut or unanswered, whatever it held", () => {
    for (const outcome of ["refused", "cut", "unanswered"] as const) {
      expect(judgeExport(run({ outcome, ids: [] }), known).verdict).toBe("failed-visibly");
    }
  });

  it("says when the archive's side could not be read", () => {
    expect(judgeExport(run({ heldAtStart: null }), known).verdict).toBe("whole-unverified");
    expect(judgeExport(run({ heldAtStart: null, ids: ["a", "a"] }), known).verdict).toBe("short");
  });
});
