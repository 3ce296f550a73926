import { describe, expect, it } from "vitest";

import { csvRecordCounter } from "./csv-records";

describe("csvRecordCounter", () => {
  it("counts records, not lines, across chunk boundaries", () => {
    const counter = csvRecordCounter();
    for (const chunk of ['Timestamp,Description\r\n2026-11-01,"two\nlines"\r', '\n2026-11-02,"a ""quoted""', ' word"\r\n']) {
      counter.push(chunk);
    }
    expect(counter.count()).toBe(3);
  });
});
