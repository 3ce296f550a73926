"use client";

import { createContext, useContext, useSyncExternalStore } from "react";

import { ReaderTimeZoneContext } from "@/components/reader-time-zone";
import { systemTimeZone } from "@/lib/time-zone";

// The display zone: the page URL's `tz` when it names one, otherwise the browser's own. The
// explorer provides it (DisplayZoneContext) and every time on the page reads it here: the table,
// the detail, the chips, the date fields, the histogram and export file names. The server does
// only knows the zone the reader's browser last named (components/reader-time-zone.tsx): without
// `tz` the HTML is rendered in that one, or in UTC on a first visit, and switches once hydrated if
// the browser's differs.

export type DisplayZone = {
  /** The IANA zone times are shown in. */
  timeZone: string;
  /** The zone the URL names, or null for the browser's own. */
  chosen: string | null;
  /** Writes `tz` (null removes it: the reader's own zone). */
  setTimeZone: (zone: string | null) => void;
};

const noop = () => () => {};

/** The browser's zone; on the server and while hydrating, the one it last named (null if none). */
export function useBrowserTimeZone(): string | null {
  const remembered = useContext(ReaderTimeZoneContext);
  return useSyncExternalStore(
    noop,
    systemTimeZone,
    () => remembered,
  );
}

export const DisplayZoneContext = createContext<DisplayZone | null>(null);

export function useTimeZone(): DisplayZone {
  const zone = useContext(DisplayZoneContext);
  if (!zone) throw new Error("useTimeZone is used outside the explorer's DisplayZoneContext");
  return zone;
}
