import { QUERY_KEYS } from "@/lib/filters";
import type { AppDependencies } from "@/lib/server/app-dependencies";
import { openQueryCursor, sealPageCursors } from "@/lib/server/cursor-seal";
import { withSession } from "@/lib/server/with-session";

/**
 * GET /api/audit-trail: one page for the explorer. Only queries the shared schema accepts, with a
 * cursor this server sealed for this user, reach the source; the cursors going back are sealed too.
 */
export function createAuditTrailRoute(deps: Pick<AppDependencies, "source" | "getSession" | "cursorSecret">) {
  return withSession(deps.getSession, async (request, { session, parseRequestQuery, recordUpstream }) => {
    const secret = deps.cursorSecret;
    const query = openQueryCursor(parseRequestQuery({ allow: QUERY_KEYS }), session.email, secret);
    const { page, retries, upstreamMs } = await deps.source.listPage(query, { signal: request.signal, user: session.email });
    recordUpstream({ retries, upstreamMs });
    return Response.json({ results: page.results, ...sealPageCursors(page, session.email, secret) });
  });
}
