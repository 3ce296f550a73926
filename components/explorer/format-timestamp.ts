import { formatPerZone } from "@/lib/time-zone";

const timestampFormat = formatPerZone("en-US", {
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/** `YYYY-MM-DD HH:mm:ss` in the given zone: sortable, unambiguous, the same in every locale. */
export function formatTimestamp(iso: string, timeZone: string): string {
  const parts = Object.fromEntries(timestampFormat(timeZone).formatToParts(new Date(iso)).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}
