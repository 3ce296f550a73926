import { QUERY_KEYS } from "@/lib/filters";
import type { AppDependencies } from "@/lib/server/app-dependencies";
import { openQueryCursor, sealPageCursors } from "@/lib/server/cursor-seal";
import { recordView } from "@/lib/server/records/record-view";
import { withSession } from "@/lib/server/with-session";

/**
 * GET /api/audit-trail: one page for the explorer. Only queries the shared schema accepts, with a
 * cursor this server sealed for this user, reach the source; the cursors going back are sealed too.
 */
export function createAuditTrailRoute(deps: Pick<AppDependencies, "source" | "getSession" | "cursorSecret" | "records" | "now">) {
  return withSession(deps.getSession, async (request, { session, parseRequestQuery, recordUpstream }) => {
    const secret = deps.cursorSecret;
    const query = openQueryCursor(parseRequestQuery({ allow: QUERY_KEYS }), session.email, secret);
    const { page, retries, upstreamMs } = await deps.source.listPage(query, { signal: request.signal, user: session.email });
    recordUpstream({ retries, upstreamMs });
    // A first page is a new result set on screen: a view in the access log (later pages are scrolling).
    if (query.cursor === undefined) void recordView(deps.records, session.email, query, request.headers);
    return Response.json({ results: page.results, ...sealPageCursors(page, session.email, secret) });
  }, { now: deps.now });
}
