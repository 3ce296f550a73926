"use client";

import { createContext, useEffect, type ReactNode } from "react";

import { readerTimeZoneCookie } from "@/lib/reader-time-zone";
import { systemTimeZone } from "@/lib/time-zone";

/** The zone the server rendered the reader's times in (their cookie's), or null: then UTC. */
export const ReaderTimeZoneContext = createContext<string | null>(null);

/**
 * Hands the server's guess at the reader's zone to the page's first render (so hydration matches
 * the HTML) and, once in the browser, keeps the cookie the guess came from up to date.
 */
export function ReaderTimeZoneProvider({ timeZone, children }: { timeZone: string | null; children: ReactNode }) {
  useEffect(() => {
    const own = systemTimeZone();
    if (own !== timeZone) document.cookie = readerTimeZoneCookie(own, window.location.protocol === "https:");
  }, [timeZone]);
  return <ReaderTimeZoneContext value={timeZone}>{children}</ReaderTimeZoneContext>;
}
