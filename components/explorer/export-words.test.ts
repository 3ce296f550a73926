import { describe, expect, it } from "vitest";

import { exportCountText, exportProgressText } from "./export-words";

describe("exportProgressText", () => {
  it("counts towards the result set's total when it is known", () => {
    expect(exportProgressText(0, 1204)).toBe("Starting export…");
    expect(exportProgressText(120, 1204)).toBe("120 of 1,204 events…");
    expect(exportProgressText(1, 1)).toBe("1 of 1 event…");
  });

  it("counts on alone without a total, or past one (events that arrived since)", () => {
    expect(exportProgressText(120, undefined)).toBe("120 events…");
    expect(exportProgressText(1300, 1204)).toBe("1,300 events…");
    expect(exportCountText(1)).toBe("1 event");
  });
});
