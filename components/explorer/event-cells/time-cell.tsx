"use client";

import { formatTimestamp } from "@/components/explorer/format-timestamp";
import { useTimeZone } from "@/components/explorer/use-time-zone";

/** The event's time in the chosen zone; the exact ISO timestamp on hover and in `dateTime`. */
export function TimeCell({ createdAt }: { createdAt: string }) {
  const { timeZone } = useTimeZone();
  return (
    <time dateTime={createdAt} title={createdAt} className="font-mono text-xs tabular-nums">
      {formatTimestamp(createdAt, timeZone)}
    </time>
  );
}
