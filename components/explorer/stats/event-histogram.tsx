"use client";

import { useRef, useState, type KeyboardEvent, type PointerEvent } from "react";

import type { AuditTrailStats } from "@/lib/audit-trail-stats";

type HistogramBucket = AuditTrailStats["buckets"][number];

import { barIndexAt, barRange, rangeDates, type BarRange } from "./histogram-selection";
import { HISTOGRAM_HEIGHT } from "./histogram-size";
import { bucketSpanText, bucketText, eventCountText } from "./stats-words";

// "Events over time": one SVG bar per bucket, no chart library. Each bar is a button named with its
// count and span; one of them is in the Tab order at a time (arrows move between them). Hover or
// focus shows the same words above the chart. Dragging across bars, Enter on one, or Shift+arrows
// then Enter, sets From and To to the bars' span.

const BAR_WIDTH = 10;
const BAR_GAP = 1;
const HEIGHT = 100;

type EventHistogramProps = {
  buckets: readonly HistogramBucket[];
  timeZone: string;
  onSelectRange: (range: { start_date: string; end_date: string }) => void;
};

export function EventHistogram({ buckets, timeZone, onSelectRange }: EventHistogramProps) {
  const bars = useRef<Array<SVGGElement | null>>([]);
  const [hovered, setHovered] = useState<number | null>(null);
  const [focused, setFocused] = useState<number | null>(null);
  // The bar that keeps the Tab stop; the last one (the newest) until the user moves.
  const [tabStop, setTabStop] = useState<number | null>(null);
  // A drag with the pointer, or a keyboard selection grown with Shift+arrows.
  const [selection, setSelection] = useState<{ anchor: number; current: number; pointer: boolean } | null>(null);

  const count = buckets.length;
  if (count === 0) return null;
  const stop = Math.min(tabStop ?? count - 1, count - 1);
  const max = Math.max(1, ...buckets.map((bucket) => bucket.count));
  const selected: BarRange | null = selection && barRange(selection.anchor, selection.current);

  const select = (range: BarRange) => {
    setSelection(null);
    onSelectRange(rangeDates(buckets, range));
  };

  const indexAt = (event: PointerEvent<SVGSVGElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    return barIndexAt(event.clientX - box.left, box.width, count);
  };

  const focusBar = (index: number) => {
    const next = Math.min(count - 1, Math.max(0, index));
    setTabStop(next);
    bars.current[next]?.focus();
    return next;
  };

  const onBarKeyDown = (index: number, event: KeyboardEvent<SVGGElement>) => {
    const step = { ArrowLeft: -1, ArrowRight: 1 }[event.key];
    if (step !== undefined) {
      event.preventDefault();
      const next = focusBar(index + step);
      if (event.shiftKey) setSelection((current) => ({ anchor: current?.anchor ?? index, current: next, pointer: false }));
      else setSelection(null);
    } else if (event.key === "Home" || event.key === "End") {
      event.preventDefault();
      focusBar(event.key === "Home" ? 0 : count - 1);
      setSelection(null);
    } else if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      select(selected ?? { from: index, to: index });
    } else if (event.key === "Escape" && selection) {
      // Only the selection: the page's Escape (closing the detail panel) waits for the next press.
      event.preventDefault();
      event.stopPropagation();
      setSelection(null);
    }
  };

  // What the words above the chart describe: the selection being made, else the bar under the
  // pointer, else the focused bar.
  const pointed = hovered ?? focused;
  const shown = selected ?? (pointed === null ? null : { from: pointed, to: pointed });
  const tip = shown && tipText(buckets, shown, timeZone);
  const tipCenter = shown ? (shown.from + shown.to + 1) / 2 / count : 0;

  return (
    <div role="group" aria-label="Events over time" className={`relative pt-6 ${HISTOGRAM_HEIGHT}`}>
      {tip && (
        // The bars' own names say the same to a screen reader.
        <p
          aria-hidden="true"
          className={`pointer-events-none absolute top-0 z-10 whitespace-nowrap rounded bg-zinc-900 px-2 py-0.5 text-xs text-white dark:bg-zinc-100 dark:text-zinc-900 ${
            tipCenter < 0.25 ? "" : tipCenter > 0.75 ? "-translate-x-full" : "-translate-x-1/2"
          }`}
          style={{ left: `${tipCenter * 100}%` }}
        >
          {tip}
        </p>
      )}
      <svg
        viewBox={`0 0 ${count * BAR_WIDTH} ${HEIGHT}`}
        preserveAspectRatio="none"
        className="block h-16 w-full cursor-crosshair touch-none select-none"
        onPointerDown={(event) => {
          if (event.button !== 0) return;
          event.currentTarget.setPointerCapture(event.pointerId);
          const index = indexAt(event);
          setSelection({ anchor: index, current: index, pointer: true });
        }}
        onPointerMove={(event) => {
          const index = indexAt(event);
          if (selection?.pointer) setSelection({ ...selection, current: index });
          else setHovered(index);
        }}
        onPointerUp={(event) => {
          if (!selection?.pointer) return;
          select(barRange(selection.anchor, indexAt(event)));
        }}
        onPointerCancel={() => setSelection(null)}
        onPointerLeave={() => setHovered(null)}
      >
        <rect x={0} y={HEIGHT - 1} width={count * BAR_WIDTH} height={1} className="fill-zinc-300 dark:fill-zinc-700" />
        {buckets.map((bucket, index) => {
          const height = bucket.count === 0 ? 0 : Math.max(2, (bucket.count / max) * (HEIGHT - 4));
          const inSelection = selected !== null && index >= selected.from && index <= selected.to;
          const x = index * BAR_WIDTH;
          return (
            <g
              key={bucket.start}
              ref={(element) => {
                bars.current[index] = element;
              }}
              role="button"
              tabIndex={index === stop ? 0 : -1}
              aria-label={bucketText(bucket, timeZone)}
              onKeyDown={(event) => onBarKeyDown(index, event)}
              onFocus={() => {
                setFocused(index);
                setTabStop(index);
              }}
              onBlur={() => setFocused(null)}
              className="outline-none"
            >
              {/* The whole column answers the pointer, not only the bar: a short bar is easy to hit. */}
              <rect x={x} y={0} width={BAR_WIDTH} height={HEIGHT} fill="transparent" />
              <rect
                x={x + BAR_GAP}
                y={HEIGHT - height}
                width={BAR_WIDTH - 2 * BAR_GAP}
                height={height}
                className={
                  inSelection || index === hovered
                    ? "fill-indigo-800 dark:fill-indigo-200"
                    : "fill-indigo-500 dark:fill-indigo-400"
                }
              />
              {index === focused && (
                <rect
                  x={x + 0.5}
                  y={0.5}
                  width={BAR_WIDTH - 1}
                  height={HEIGHT - 1}
                  fill="none"
                  vectorEffect="non-scaling-stroke"
                  className="stroke-indigo-700 stroke-2 dark:stroke-indigo-300"
                />
              )}
            </g>
          );
        })}
      </svg>
      <div aria-hidden="true" className="mt-1 flex h-4 justify-between text-[11px] leading-4 text-zinc-600 dark:text-zinc-400">
        <span>{bucketSpanText(buckets[0]!.start, buckets[0]!.start, timeZone)}</span>
        <span>{bucketSpanText(buckets[count - 1]!.end, buckets[count - 1]!.end, timeZone)}</span>
      </div>
    </div>
  );
}

/** The words for one bar, or for a run of bars (their total and whole span). */
function tipText(buckets: readonly HistogramBucket[], { from, to }: BarRange, timeZone: string): string {
  if (from === to) return bucketText(buckets[from]!, timeZone);
  const total = buckets.slice(from, to + 1).reduce((sum, bucket) => sum + bucket.count, 0);
  return `${eventCountText(total)}, ${bucketSpanText(buckets[from]!.start, buckets[to]!.end, timeZone)}`;
}
