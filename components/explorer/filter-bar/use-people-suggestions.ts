"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";

import { archiveStatusQueryOptions } from "@/lib/archive-status";
import type { AuditTrailPage } from "@/lib/audit-event";
import { peopleInEvents, type Person } from "@/lib/people";
import { peopleQueryOptions } from "@/lib/people-query-options";
import { AUDIT_TRAIL_QUERY_PREFIX } from "@/lib/query-options";

// Typing pauses this long before the archive is asked, so a name typed quickly is one request.
const TYPING_PAUSE_MS = 150;

export type PeopleSuggestions = {
  people: Person[];
  /**
   * "archive": the whole trail's people and counts (GET /api/people). "loaded": only the events this
   * page has loaded (ARCHIVE=off, where Merge cannot list people), so counts are of those.
   */
  source: "archive" | "loaded";
};

function useTypingPause(text: string): string {
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(text), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text]);
  return settled;
}

/** The people to suggest for what is typed in "User email"; none while nothing is typed. */
export function usePeopleSuggestions(text: string): PeopleSuggestions {
  const { data: status } = useQuery(archiveStatusQueryOptions());
  const archive = status?.mode === "embedded" || status?.mode === "server";
  const settled = useTypingPause(text.trim());
  const fromArchive = useQuery({ ...peopleQueryOptions(archive ? settled : ""), placeholderData: keepPreviousData });
  const queryClient = useQueryClient();

  if (archive) return { people: text.trim() === "" ? [] : (fromArchive.data ?? []), source: "archive" };
  // Every result set this page has loaded (the cache holds them per filter state), read as typed.
  const loaded = queryClient
    .getQueriesData<{ pages: AuditTrailPage[] }>({ queryKey: [AUDIT_TRAIL_QUERY_PREFIX] })
    .flatMap(([, data]) => data?.pages.flatMap((page) => page.results) ?? []);
  return { people: text.trim() === "" ? [] : peopleInEvents(uniqueById(loaded), text), source: "loaded" };
}

/** Result sets overlap (one event under several filters): count each event once. */
function uniqueById<T extends { id: string }>(events: T[]): T[] {
  return [...new Map(events.map((event) => [event.id, event])).values()];
}
