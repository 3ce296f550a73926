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

const formatters = new Map<string, Intl.DateTimeFormat>();

/** `YYYY-MM-DD HH:mm:ss` in the given zone: sortable, unambiguous, the same in every locale. */
export function formatTimestamp(iso: string, timeZone: string): string {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(new Date(iso)).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}
