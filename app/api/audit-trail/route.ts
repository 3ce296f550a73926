import { QUERY_KEYS } from "@/lib/filters";
import { openQueryCursor, sealPageCursors } from "@/lib/server/cursor-seal";
import { listAuditEvents } from "@/lib/server/merge/client";
import { withSession } from "@/lib/server/with-session";

// One page of the audit trail for the explorer. Only queries the shared schema accepts, with a
// cursor this server sealed for this user, reach Merge; the cursors going back are sealed too.
export const GET = withSession(async (request, { session, parseQuery, recordUpstream }) => {
  const query = openQueryCursor(parseQuery({ allow: QUERY_KEYS }), session.email);
  const { page, retries, upstreamMs } = await listAuditEvents(query, { signal: request.signal, user: session.email });
  recordUpstream({ retries, upstreamMs });
  return Response.json({ results: page.results, ...sealPageCursors(page, session.email) });
});
