import { queryOptions } from "@tanstack/react-query";

import { fetchApiJson } from "@/lib/fetch-api";
import { PEOPLE_ENDPOINT, peopleResponseSchema } from "@/lib/people";

// How the browser asks GET /api/people, apart from lib/people.ts so that server modules reading
// its schema do not load React Query.

/** The archive's suggestions for what was typed; a minute-old answer is still a good suggestion. */
export function peopleQueryOptions(query: string) {
  const q = query.trim().toLowerCase();
  return queryOptions({
    queryKey: ["people", q] as const,
    queryFn: async ({ signal }) =>
      (await fetchApiJson(`${PEOPLE_ENDPOINT}?${new URLSearchParams({ q })}`, peopleResponseSchema, signal)).people,
    enabled: q !== "",
    staleTime: 60 * 1000,
    retry: false,
  });
}
