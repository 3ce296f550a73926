"use client";

import { useMemo } from "react";

import { useBrowserTimeZone, useTimeZone } from "@/components/explorer/use-time-zone";
import { useHydrated } from "@/components/use-hydrated";

/** The zones a browser knows; its own list, so read only once hydrated (the server's may differ). */
function knownZones(): string[] {
  return typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : ["UTC"];
}

/** Shows times in another IANA zone (`tz` in the URL), or back in the reader's own. */
export function TimeZoneSelect() {
  const { chosen, setTimeZone } = useTimeZone();
  const browserZone = useBrowserTimeZone();
  const hydrated = useHydrated();
  const zones = useMemo(() => {
    if (!hydrated) return chosen ? [chosen] : [];
    const all = knownZones();
    return ["UTC", ...all.filter((zone) => zone !== "UTC"), ...(chosen && !all.includes(chosen) && chosen !== "UTC" ? [chosen] : [])];
  }, [hydrated, chosen]);
  return (
    <select
      aria-label="Time zone"
      value={chosen ?? ""}
      onChange={(event) => setTimeZone(event.target.value === "" ? null : event.target.value)}
      className="h-8 max-w-44 rounded-md border border-zinc-300 bg-white px-2 text-xs text-zinc-900 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:[color-scheme:dark]"
    >
      <option value="">Your zone{browserZone ? ` (${browserZone})` : ""}</option>
      {zones.map((zone) => (
        <option key={zone} value={zone}>
          {zone.replaceAll("_", " ")}
        </option>
      ))}
    </select>
  );
}
