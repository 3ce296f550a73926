import { parseAsInteger, parseAsString, useQueryStates } from "nuqs";
import { useCallback } from "react";

import { type ExplorerUrlKey, type ExplorerView } from "@/lib/explorer-url";

// nuqs only writes the page URL here; lib/explorer-url.ts reads it. Every key is written on every
// change, and the adapter's processUrlSearchParams (app/providers.tsx) makes the result canonical,
// so stray parameters go with the first edit. Shallow: the browser keeps its data, no server round
// trip. Each change is a history entry, so Back and Forward move between views.

const PARAMETERS = {
  user_email: parseAsString,
  event_type: parseAsString,
  start_date: parseAsString,
  end_date: parseAsString,
  page_size: parseAsInteger,
  event: parseAsString,
} satisfies Record<ExplorerUrlKey, unknown>;

/** Writes a whole view (filters and open event) to the page URL. */
export function useExplorerUrlWriter(): (view: ExplorerView) => void {
  const [, setParameters] = useQueryStates(PARAMETERS, { history: "push" });
  return useCallback(
    ({ filters, event = null }: ExplorerView) =>
      void setParameters({
        user_email: filters.user_email ?? null,
        event_type: filters.event_type ?? null,
        start_date: filters.start_date ?? null,
        end_date: filters.end_date ?? null,
        page_size: filters.page_size ?? null,
        event,
      }),
    [setParameters],
  );
}
