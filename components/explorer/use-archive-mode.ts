"use client";

import { useQuery } from "@tanstack/react-query";

import { archiveStatusQueryOptions } from "@/lib/archive-status";

export type ArchiveAvailability = "unknown" | "on" | "off";

/**
 * Whether the server keeps an archive, as its status says (the query the status line polls): "off"
 * for ARCHIVE=off or a server without the status route, "unknown" until the first answer. What only
 * the archive can answer (totals, the histogram, top values, several types) waits for "on".
 */
export function useArchiveAvailability(): ArchiveAvailability {
  const { data, isPending } = useQuery(archiveStatusQueryOptions());
  if (isPending) return "unknown";
  // A failed first poll says nothing either way: the next poll decides.
  if (data === undefined) return "unknown";
  return data === null || data.mode === "off" ? "off" : "on";
}
