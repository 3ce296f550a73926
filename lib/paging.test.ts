import { describe, expect, it } from "vitest";

import { walkPages } from "./paging";

/** A list of `total` numbers served `size` at a time, with the cursor as a plain offset. */
function numbers(total: number, size: number) {
  const cursors: Array<string | undefined> = [];
  const fetchPage = async (cursor: string | undefined) => {
    cursors.push(cursor);
    const start = cursor === undefined ? 0 : Number(cursor);
    const results = Array.from({ length: Math.max(0, Math.min(size, total - start)) }, (_, i) => start + i);
    const next = start + size < total ? String(start + size) : null;
    return { next, previous: start === 0 ? null : String(start - size), results };
  };
  return { fetchPage, cursors };
}

async function collect<T>(pages: AsyncIterable<{ results: T[] }>): Promise<T[][]> {
  const all: T[][] = [];
  for await (const page of pages) all.push(page.results);
  return all;
}

describe("walkPages", () => {
  it("yields every page in order, following next from the first page", async () => {
    const list = numbers(7, 3);
    expect(await collect(walkPages(list.fetchPage))).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
    expect(list.cursors).toEqual([undefined, "3", "6"]);
  });

  it("yields the single page of a short or empty list", async () => {
    expect(await collect(walkPages(numbers(2, 3).fetchPage))).toEqual([[0, 1]]);
    expect(await collect(walkPages(numbers(0, 3).fetchPage))).toEqual([[]]);
  });

  it("keeps the caller's page type, fields beyond next and results included", async () => {
    for await (const page of walkPages(numbers(3, 3).fetchPage)) expect(page.previous).toBeNull();
  });

  it("fetches no further than the consumer reads", async () => {
    const list = numbers(100, 10);
    for await (const page of walkPages(list.fetchPage)) if (page.results.includes(15)) break;
    expect(list.cursors).toEqual([undefined, "10"]);
  });

  it("stops with an error when the upstream hands back a cursor it already gave", async () => {
    const looping = async () => ({ next: "same", results: [1] });
    await expect(collect(walkPages(looping))).rejects.toThrow(/already returned/);
  });

  it("passes fetch errors through to the consumer", async () => {
    const failing = async () => {
      throw new Error("upstream down");
    };
    await expect(collect(walkPages(failing))).rejects.toThrow("upstream down");
  });
});
