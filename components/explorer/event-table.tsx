"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useCallback, useEffect, useMemo, useRef, type ReactNode, type RefObject } from "react";

import { COLUMN_CLASS } from "@/components/explorer/columns";
import type { EventTable as EventTableInstance } from "@/components/explorer/use-event-table";
import { useRowNavigation } from "@/components/explorer/use-row-navigation";
import { useMediaQuery } from "@/components/use-media-query";

// Rows are virtualized (only those in view plus an overscan are in the DOM, so 10,000 loaded events
// stay light) yet keep table semantics: explicit roles, aria-rowcount and aria-rowindex, because
// grid/flex layout on table elements can make browsers drop the implicit ones. Rows are measured
// as they render: a description takes up to three lines. Below `sm` (640 px) each row is a card
// (see COLUMN_CLASS) and the column headers are left to screen readers.

const ROW_HEIGHT = 56;
const CARD_HEIGHT = 84;
const HEADER_HEIGHT = 40;
const OVERSCAN = 12;
const PHONE = "(max-width: 639.98px)";

type EventTableProps = {
  table: EventTableInstance;
  openEventId: string | null;
  onOpen: (eventId: string) => void;
  hasNextPage: boolean;
  /** False while a page is loading or after a failed page, so nearing the end does not loop. */
  canLoadMore: boolean;
  onLoadMore: () => void;
  /**
   * Start fetching the next page when this many rows are left below the view. Less than a page, so
   * an arriving page does not by itself trigger the next one.
   */
  prefetchDistance: number;
  /** Footer shown after the last row (Load more, end of the trail, errors). */
  children: ReactNode;
  /** The scroll box, for a caller that moves the focus to the table. */
  scrollRef?: RefObject<HTMLDivElement | null>;
};

export function EventTable({
  table,
  openEventId,
  onOpen,
  hasNextPage,
  canLoadMore,
  onLoadMore,
  prefetchDistance,
  children,
  scrollRef: callerRef,
}: EventTableProps) {
  const ownRef = useRef<HTMLDivElement>(null);
  const scrollRef = callerRef ?? ownRef;
  const rows = table.getRowModel().rows;
  const phone = useMediaQuery(PHONE);
  const headerHeight = phone ? 0 : HEADER_HEIGHT;

  // The React Compiler (which this warning is about) is not enabled here: the virtualizer is read
  // afresh on every render.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => (phone ? CARD_HEIGHT : ROW_HEIGHT),
    getItemKey: (index) => rows[index]?.id ?? index,
    overscan: OVERSCAN,
    // The sticky header sits above the rows inside the same scroll box (not on a phone).
    scrollMargin: headerHeight,
    scrollPaddingStart: headerHeight,
    // Before the browser measures anything (server render, hydration) render the whole first page,
    // so the HTML of a shared link already shows its events.
    initialRect: { width: 1280, height: HEADER_HEIGHT + ROW_HEIGHT * Math.min(rows.length, 100) },
  });
  const items = virtualizer.getVirtualItems();
  // The last row actually in view (overscan excluded): loading is driven by what the user sees,
  // once the scroll box is measured (before that, the range is the initial whole-page guess).
  const measured = virtualizer.scrollElement !== null;
  const lastVisible = virtualizer.range?.endIndex ?? -1;

  const rowIds = useMemo(() => rows.map((row) => row.id), [rows]);
  const scrollToIndex = useCallback((index: number) => virtualizer.scrollToIndex(index, { align: "auto" }), [virtualizer]);
  const { activeIndex, setActiveIndex } = useRowNavigation({
    rowIds,
    containerRef: scrollRef,
    scrollToIndex,
    openEventId,
    onOpen,
  });

  // A list opened on an event (a link to it, "Events around this time") scrolls to its row once found.
  const revealOnce = useRef(openEventId);
  useEffect(() => {
    const index = revealOnce.current === null ? -1 : rowIds.indexOf(revealOnce.current);
    if (index < 0) return;
    revealOnce.current = null;
    setActiveIndex(index);
    virtualizer.scrollToIndex(index, { align: "center" });
  }, [rowIds, setActiveIndex, virtualizer]);

  useEffect(() => {
    if (measured && hasNextPage && canLoadMore && lastVisible >= rows.length - prefetchDistance) onLoadMore();
  }, [measured, hasNextPage, canLoadMore, lastVisible, rows.length, prefetchDistance, onLoadMore]);

  const headerGroups = table.getHeaderGroups();

  return (
    <div
      ref={scrollRef}
      role="region"
      aria-label="Audit events"
      tabIndex={0}
      // On narrow screens the filters take most of the height: the table keeps most of a screen and
      // the page scrolls to it; from lg up it fills what the filters and the figures above it leave,
      // but never shorter than about eight rows (on a short screen the page then scrolls to it).
      className="relative min-h-[75dvh] flex-1 overflow-auto focus-visible:outline-2 focus-visible:outline-indigo-600 lg:min-h-[32rem]"
    >
      <table
        role="table"
        aria-rowcount={hasNextPage ? -1 : rows.length + 1}
        className="grid w-full border-collapse text-sm sm:min-w-[1040px]"
      >
        <thead role="rowgroup" className="sticky top-0 z-10 grid bg-zinc-50 max-sm:sr-only dark:bg-zinc-900">
          {headerGroups.map((group) => (
            <tr
              key={group.id}
              role="row"
              aria-rowindex={1}
              className="flex w-full border-b border-zinc-200 dark:border-zinc-800"
              style={{ height: HEADER_HEIGHT }}
            >
              {group.headers.map((header) => (
                <th
                  key={header.id}
                  role="columnheader"
                  scope="col"
                  className={`event-header-cell ${COLUMN_CLASS[header.column.id] ?? ""}`}
                >
                  {header.isPlaceholder ? null : <table.FlexRender header={header} />}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody role="rowgroup" className="relative grid" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            const isOpen = row.id === openEventId;
            return (
              <tr
                key={row.id}
                ref={virtualizer.measureElement}
                role="row"
                aria-rowindex={item.index + 2}
                aria-current={isOpen ? "true" : undefined}
                data-index={item.index}
                data-event-id={row.id}
                tabIndex={item.index === activeIndex || (activeIndex < 0 && item.index === 0) ? 0 : -1}
                onClick={() => {
                  setActiveIndex(item.index);
                  onOpen(row.id);
                }}
                onFocus={() => setActiveIndex(item.index)}
                onKeyDown={(event) => {
                  if (event.key === "Enter") {
                    event.preventDefault();
                    onOpen(row.id);
                  }
                }}
                className={isOpen ? "event-row event-row-open" : "event-row"}
                style={{ minHeight: phone ? undefined : ROW_HEIGHT, transform: `translateY(${item.start - headerHeight}px)` }}
              >
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} role="cell" className={`event-cell ${COLUMN_CLASS[cell.column.id] ?? ""}`}>
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      {children}
    </div>
  );
}
