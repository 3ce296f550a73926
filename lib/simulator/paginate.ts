// Cursor paging over a newest-first selection. A cursor names a boundary between two events as
// (created_at of the event after the boundary, how many events with that same created_at come
// before it). Positions are timestamps, not indexes, so events arriving on top (live arrival) do not
// move a boundary. A forward cursor starts its page at the boundary; a reverse one ends its page
// there. Hence walking `next` from the first page, or `previous` from the last one, meets every
// matching event exactly once, whatever the page size and however many events share a timestamp.
//
// DRF's own algorithm marks the last unique position of the page instead, and skips events when a
// whole page shares one timestamp and the walk changes direction; ours keeps the same token format
// but has no such artefact.

import type { Cursor } from "./cursor";
import type { Selection } from "./selection";

export type Page = { indexes: number[]; next: Cursor | null; previous: Cursor | null };

export function paginate(
  selection: Selection,
  createdAt: (index: number) => number,
  cursor: Cursor | null,
  pageSize: number,
): Page {
  const length = selection.length;
  const timeAt = (i: number) => createdAt(selection.at(i));

  /** The first position (newest-first) whose created_at is at most `micros`. */
  const firstAtMost = (micros: number) => {
    let low = 0;
    let high = length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (timeAt(mid) <= micros) high = mid;
      else low = mid + 1;
    }
    return low;
  };

  const boundaryCursor = (boundary: number, reverse: boolean): Cursor => {
    // The boundary after the last event is named from that last event, one offset further.
    const anchor = Math.min(boundary, length - 1);
    const position = timeAt(anchor);
    return { position, offset: boundary - firstAtMost(position), reverse };
  };

  const boundary = cursor
    ? Math.min(length, (cursor.position === null ? 0 : firstAtMost(cursor.position)) + cursor.offset)
    : 0;
  const start = cursor?.reverse ? Math.max(0, boundary - pageSize) : boundary;
  const end = cursor?.reverse ? boundary : Math.min(length, boundary + pageSize);

  const indexes: number[] = [];
  for (let i = start; i < end; i += 1) indexes.push(selection.at(i));
  return {
    indexes,
    next: end < length ? boundaryCursor(end, false) : null,
    previous: start > 0 ? boundaryCursor(start, true) : null,
  };
}
