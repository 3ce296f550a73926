// Walks a cursor-paginated list from its first page to its last, one page at a time, so callers
// (the export, the simulator's tests, end-to-end checks) never write the loop, or its guards, again.

export type CursorPage<T> = { next: string | null; results: T[] };

/**
 * Yields every page in order, starting with `fetchPage(undefined)` and following `next` until it is
 * null. A cursor seen twice means the upstream is looping: that throws rather than walking forever.
 */
export async function* walkPages<P extends CursorPage<unknown>>(
  fetchPage: (cursor: string | undefined) => Promise<P>,
): AsyncGenerator<P, void, undefined> {
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (;;) {
    const page = await fetchPage(cursor);
    yield page;
    if (page.next === null) return;
    if (seen.has(page.next)) throw new Error("The upstream returned a cursor it had already returned: stopping");
    seen.add(page.next);
    cursor = page.next;
  }
}
