import { parseAsInteger, parseAsString, useQueryStates } from "nuqs";
import { useCallback, useRef } from "react";

import type { ExplorerUrlKey, ExplorerView } from "@/lib/explorer-url";

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

export type ExplorerUrlUpdate = (view: ExplorerView) => ExplorerView;

/**
 * Writes the page URL from `current`, the view read from `search`. The URL follows a write a moment
 * later (nuqs batches, then the router catches up): until `search` changes, a second write builds
 * on the first instead of on the stale reading, so two quick edits (an email applied on blur, then
 * a chip removed by the same click) both stay.
 */
export function useExplorerUrlWriter(current: ExplorerView, search: string): (update: ExplorerUrlUpdate) => void {
  const [, setParameters] = useQueryStates(PARAMETERS, { history: "push" });
  const pending = useRef<{ from: string; view: ExplorerView } | null>(null);
  return useCallback(
    (update: ExplorerUrlUpdate) => {
      const base = pending.current?.from === search ? pending.current.view : current;
      const { filters, event = null } = update(base);
      pending.current = { from: search, view: { filters, event } };
      void setParameters({
        user_email: filters.user_email ?? null,
        event_type: filters.event_type ?? null,
        start_date: filters.start_date ?? null,
        end_date: filters.end_date ?? null,
        page_size: filters.page_size ?? null,
        event,
      });
    },
    [current, search, setParameters],
  );
}
