import { FILTER_KEYS, pickFilters } from "@/lib/filters";
import type { AppDependencies } from "@/lib/server/app-dependencies";
import { withSession } from "@/lib/server/with-session";

/**
 * GET /api/audit-trail/stats?<filters>: the total, events over time and top values of one result
 * set (lib/audit-trail-stats.ts). The page size is accepted and has no effect, so the explorer can
 * send its list query as it is; only the archive can count (needs_archive when ARCHIVE=off).
 */
export function createStatsRoute(deps: Pick<AppDependencies, "source" | "getSession" | "now">) {
  return withSession(deps.getSession, async (_request, { parseRequestQuery }) => {
    const filters = pickFilters(parseRequestQuery({ allow: [...FILTER_KEYS, "tz", "page_size"] }));
    return Response.json(await deps.source.stats(filters));
  }, { now: deps.now });
}
