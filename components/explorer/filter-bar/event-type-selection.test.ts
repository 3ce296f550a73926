import { describe, expect, it } from "vitest";

import { selectionNames, selectionSummary, toggleValue } from "./event-type-selection";

describe("selectionSummary", () => {
  it("is empty with no choice, the label for one, the first and a count for more", () => {
    expect(selectionSummary({})).toBe("");
    expect(selectionSummary({ event_type: { include: ["INVITED_USER"], exclude: [] } })).toBe("Invited user");
    expect(
      selectionSummary({
        event_type: { include: ["INVITED_USER"], exclude: ["MUTED_ISSUE"] },
        event_group: { include: ["api_keys"], exclude: [] },
      }),
    ).toBe("API keys + 2 more");
  });

  it("names unknown codes by their code, and exclusions with not", () => {
    expect(selectionNames({ event_type: { include: ["EXPORTED_AUDIT_TRAIL"], exclude: ["MUTED_ISSUE"] } })).toEqual([
      "EXPORTED_AUDIT_TRAIL",
      "not Muted issue",
    ]);
  });
});

describe("toggleValue", () => {
  it("adds a value, and takes out one already chosen either way", () => {
    expect(toggleValue(undefined, "INVITED_USER")).toEqual({ include: ["INVITED_USER"], exclude: [] });
    expect(toggleValue({ include: ["INVITED_USER", "MUTED_ISSUE"], exclude: [] }, "INVITED_USER")).toEqual({
      include: ["MUTED_ISSUE"],
      exclude: [],
    });
    expect(toggleValue({ include: [], exclude: ["MUTED_ISSUE"] }, "MUTED_ISSUE")).toBeUndefined();
  });
});
