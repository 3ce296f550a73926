import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { decodeCursor, encodeCursor } from "./cursor";

// The example cursor from Merge's pagination docs.
const MERGE_DOCS_CURSOR = "cD0yMDIxLTAxLTA2KzAzJTNBMjQlM0E1My40MzQzMjYlMkIwMCUzQTAw";

describe("cursor codec", () => {
  it("reads Merge's documented cursor and writes it back byte for byte", () => {
    const cursor = decodeCursor(MERGE_DOCS_CURSOR);
    expect(cursor).toEqual({ position: Date.UTC(2021, 0, 6, 3, 24, 53) * 1000 + 434326, offset: 0, reverse: false });
    expect(encodeCursor(cursor!)).toBe(MERGE_DOCS_CURSOR);
  });

  it("writes DRF's keys in DRF's order: o, r, p", () => {
    const token = encodeCursor({ position: Date.UTC(2026, 10, 2, 9, 14, 3) * 1000, offset: 2, reverse: true });
    expect(atob(token)).toBe("o=2&r=1&p=2026-11-02+09%3A14%3A03%2B00%3A00");
  });

  it("round-trips any position, offset and direction", () => {
    fc.assert(
      fc.property(
        fc.option(fc.integer({ min: 0, max: 4_102_444_800_000_000 }), { nil: null }),
        fc.nat({ max: 100_000 }),
        fc.boolean(),
        (position, offset, reverse) => {
          const cursor = { position, offset, reverse };
          expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
        },
      ),
      { numRuns: 300 },
    );
  });

  it.each([
    ["not base64", "%%%"],
    ["bad padding", "cD0yMDI"],
    ["a negative offset", btoa("o=-1")],
    ["a non-numeric offset", btoa("o=two")],
    ["a reverse flag other than 0/1", btoa("r=yes")],
    ["a position that is not a date", btoa("p=yesterday")],
    ["an impossible date", btoa("p=2026-02-30 10:00:00+00:00")],
  ])("rejects %s", (_, token) => {
    expect(decodeCursor(token)).toBeNull();
  });
});
