"use client";

import { useSyncExternalStore } from "react";

import { useBrowserPreference } from "@/components/explorer/use-browser-preference";

export type TimeMode = "local" | "utc";

const noop = () => () => {};

/**
 * The time zone times are shown in: the browser's own by default, UTC on request. The server does
 * not know the browser's zone, so the HTML is rendered in UTC and switches to local once hydrated.
 */
export function useTimeZone(): { mode: TimeMode; timeZone: string; setMode: (mode: TimeMode) => void } {
  const [stored, setStored] = useBrowserPreference("audit-trail:time-zone");
  const browserZone = useSyncExternalStore(
    noop,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    () => null,
  );
  const mode: TimeMode = stored === "utc" ? "utc" : "local";
  const timeZone = mode === "utc" || browserZone === null ? "UTC" : browserZone;
  return { mode, timeZone, setMode: setStored };
}
