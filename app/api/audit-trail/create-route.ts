import { QUERY_KEYS } from "@/lib/filters";
import type { AppDependencies } from "@/lib/server/app-dependencies";
import { withSession } from "@/lib/server/with-session";

/** GET /api/audit-trail: one page for the explorer. Only queries the shared schema accepts reach the source. */
export function createAuditTrailRoute(deps: Pick<AppDependencies, "source" | "getSession">) {
  return withSession(deps.getSession, async (request, { parseRequestQuery, recordUpstream }) => {
    const query = parseRequestQuery({ allow: QUERY_KEYS });
    const { page, retries, upstreamMs } = await deps.source.listPage(query, { signal: request.signal });
    recordUpstream({ retries, upstreamMs });
    return Response.json({ results: page.results, next: page.next, previous: page.previous });
  });
}
