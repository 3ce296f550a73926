import { parseAsInteger, parseAsNativeArrayOf, parseAsString, useQueryStates } from "nuqs";
import { useCallback, useRef } from "react";

import { explorerSearchParams, type ExplorerUrlKey, type ExplorerView } from "@/lib/explorer-url";
import { MULTI_VALUE_KEYS } from "@/lib/filters";

// nuqs only writes the page URL here; lib/explorer-url.ts reads it. Every key is written on every
// change, and the adapter's processUrlSearchParams (app/providers.tsx) makes the result canonical,
// so stray parameters go with the first edit. Shallow: the browser keeps its data, no server round
// trip. Each change is a history entry, so Back and Forward move between views.

const repeated = parseAsNativeArrayOf(parseAsString);

const PARAMETERS = {
  user_email: repeated,
  event_type: repeated,
  event_group: repeated,
  role: repeated,
  actor: parseAsString,
  ip: repeated,
  q: parseAsString,
  range: parseAsString,
  start_date: parseAsString,
  end_date: parseAsString,
  order: parseAsString,
  page_size: parseAsInteger,
  tz: parseAsString,
  event: parseAsString,
} satisfies Record<ExplorerUrlKey, unknown>;

/** Every key's value in the view's canonical URL; null removes the key. */
function parameterValues(view: ExplorerView) {
  const params = explorerSearchParams(view);
  const one = (key: ExplorerUrlKey) => params.get(key);
  const many = (key: (typeof MULTI_VALUE_KEYS)[number]) => (params.has(key) ? params.getAll(key) : null);
  const pageSize = one("page_size");
  return {
    user_email: many("user_email"),
    event_type: many("event_type"),
    event_group: many("event_group"),
    role: many("role"),
    actor: one("actor"),
    ip: many("ip"),
    q: one("q"),
    range: one("range"),
    start_date: one("start_date"),
    end_date: one("end_date"),
    order: one("order"),
    page_size: pageSize === null ? null : Number(pageSize),
    tz: one("tz"),
    event: one("event"),
  } satisfies Record<ExplorerUrlKey, unknown>;
}

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
      const { filters, event = null, timeZone = null } = update(base);
      pending.current = { from: search, view: { filters, event, timeZone } };
      void setParameters(parameterValues({ filters, event, timeZone }));
    },
    [current, search, setParameters],
  );
}
