"use client";

import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from "react";

import { isTypingTarget } from "@/components/explorer/keyboard";

type RowNavigationOptions = {
  /** The rows' ids in table order. */
  rowIds: readonly string[];
  /** The element holding the rendered rows (`tr[data-index]`). */
  containerRef: RefObject<HTMLElement | null>;
  /** Brings a row into view; with virtualization it may render a frame or two later. */
  scrollToIndex: (index: number) => void;
  openEventId: string | null;
  onOpen: (eventId: string) => void;
};

/**
 * Keyboard movement between rows: `j` and `k` move focus (and, with the detail open, the detail
 * with it); closing the detail returns focus to the row it showed. Returns the roving-focus row.
 */
export function useRowNavigation({ rowIds, containerRef, scrollToIndex, openEventId, onOpen }: RowNavigationOptions) {
  const [activeIndex, setActiveIndex] = useState(-1);
  const pendingFocus = useRef<number | null>(null);

  const focusRow = useCallback(
    (index: number) => {
      setActiveIndex(index);
      scrollToIndex(index);
      // A row already rendered takes focus now: when the index does not change, no render follows
      // to run the layout effect below.
      const row = containerRef.current?.querySelector<HTMLElement>(`tr[data-index="${index}"]`);
      if (row) row.focus({ preventScroll: true });
      else pendingFocus.current = index;
    },
    [scrollToIndex, containerRef],
  );

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.metaKey || event.ctrlKey || event.altKey) return;
      if ((event.key !== "j" && event.key !== "k") || isTypingTarget(event.target) || rowIds.length === 0) return;
      event.preventDefault();
      const next = Math.min(rowIds.length - 1, Math.max(0, activeIndex + (event.key === "j" ? 1 : -1)));
      focusRow(next);
      const id = rowIds[next];
      if (openEventId !== null && id !== undefined) onOpen(id);
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [rowIds, activeIndex, focusRow, openEventId, onOpen]);

  // Focus follows once the target row is rendered (scrolling can take a render or two).
  useLayoutEffect(() => {
    if (pendingFocus.current === null) return;
    const row = containerRef.current?.querySelector<HTMLElement>(`tr[data-index="${pendingFocus.current}"]`);
    if (row) {
      row.focus({ preventScroll: true });
      pendingFocus.current = null;
    }
  });

  const previousOpen = useRef(openEventId);
  useEffect(() => {
    const closed = previousOpen.current;
    previousOpen.current = openEventId;
    if (closed === null || openEventId !== null) return;
    const index = rowIds.indexOf(closed);
    if (index >= 0) focusRow(index);
  }, [openEventId, rowIds, focusRow]);

  return { activeIndex, setActiveIndex };
}
