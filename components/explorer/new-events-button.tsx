"use client";

import { newEventsLabel } from "@/components/explorer/new-events";
import type { NewEventsState } from "@/components/explorer/use-new-events";
import { Button } from "@/components/ui/button";

/**
 * "N new events" over the top of the table. It floats over the first rows instead of taking a line
 * of its own, so its arrival moves no row on screen.
 */
export function NewEventsButton({ newEvents }: { newEvents: NewEventsState }) {
  if (newEvents.count === 0) return null;
  const label = newEventsLabel(newEvents);
  return (
    <div className="relative z-20 h-0">
      <div className="pointer-events-none absolute inset-x-0 top-12 flex justify-center px-3">
        <Button
          variant="primary"
          className="pointer-events-auto rounded-full shadow-lg"
          aria-busy={newEvents.showing}
          onClick={newEvents.show}
        >
          <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4 fill-none stroke-current stroke-2">
            <path d="M8 13V3M4 7l4-4 4 4" />
          </svg>
          {newEvents.showing ? `Loading ${label}…` : label}
        </Button>
      </div>
    </div>
  );
}
