import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { decodeCursor, encodeCursor, type Cursor } from "./cursor";
import { paginate } from "./paginate";

// Paging alone, over synthetic trails where timestamps repeat a lot (the hard case for cursors whose
// position is a timestamp), each cursor passing through the token codec as a client would send it.

const BASE = 1_790_000_000_000_000;

const trails = fc
  .array(fc.integer({ min: 0, max: 12 }), { minLength: 0, maxLength: 60 })
  .map((offsets) => offsets.sort((a, b) => b - a).map((offset) => BASE + offset));

function pageOf(times: number[], cursor: Cursor | null, size: number) {
  const selection = { length: times.length, at: (i: number) => i };
  return paginate(selection, (index) => times[index]!, cursor, size);
}

const viaToken = (cursor: Cursor) => decodeCursor(encodeCursor(cursor));

describe("cursor paging over repeated timestamps", () => {
  it("visits every event once in order through next, and back through previous", () => {
    fc.assert(
      fc.property(trails, fc.integer({ min: 1, max: 8 }), (times, size) => {
        const all = times.map((_, index) => index);
        const forward: number[][] = [];
        let page = pageOf(times, null, size);
        forward.push(page.indexes);
        while (page.next) {
          page = pageOf(times, viaToken(page.next), size);
          forward.push(page.indexes);
        }
        expect(forward.flat()).toEqual(all);

        const backward: number[][] = [page.indexes];
        while (page.previous) {
          page = pageOf(times, viaToken(page.previous), size);
          backward.unshift(page.indexes);
        }
        expect(backward.flat()).toEqual(all);
        expect(backward).toEqual(forward);
      }),
      { numRuns: 400 },
    );
  });

  it("takes a client from any page to the next and back to the same page", () => {
    fc.assert(
      fc.property(trails, fc.integer({ min: 1, max: 8 }), fc.nat(), (times, size, seed) => {
        let page = pageOf(times, null, size);
        for (let hops = seed % 6; hops > 0 && page.next; hops -= 1) page = pageOf(times, viaToken(page.next), size);
        if (!page.next) return;
        const next = pageOf(times, viaToken(page.next), size);
        expect(next.previous).not.toBeNull();
        expect(pageOf(times, viaToken(next.previous!), size).indexes).toEqual(page.indexes);
      }),
      { numRuns: 300 },
    );
  });

  it("gives an empty trail one empty page with no cursors", () => {
    expect(pageOf([], null, 30)).toEqual({ indexes: [], next: null, previous: null });
  });
});
