"use client";

import { createContext, useContext, useSyncExternalStore } from "react";

// The display zone: the page URL's `tz` when it names one, otherwise the browser's own. The
// explorer provides it (DisplayZoneContext) and every time on the page reads it here: the table,
// the detail, the chips, the date fields, the histogram and export file names. The server does
// not know the browser's zone, so without `tz` the HTML is rendered in UTC and switches once hydrated.

export type DisplayZone = {
  /** The IANA zone times are shown in. */
  timeZone: string;
  /** The zone the URL names, or null for the browser's own. */
  chosen: string | null;
  /** Writes `tz` (null removes it: the reader's own zone). */
  setTimeZone: (zone: string | null) => void;
};

const noop = () => () => {};

/** The browser's zone; null on the server and while hydrating. */
export function useBrowserTimeZone(): string | null {
  return useSyncExternalStore(
    noop,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    () => null,
  );
}

export const DisplayZoneContext = createContext<DisplayZone | null>(null);

export function useTimeZone(): DisplayZone {
  const zone = useContext(DisplayZoneContext);
  if (!zone) throw new Error("useTimeZone is used outside the explorer's DisplayZoneContext");
  return zone;
}
