import { QUERY_KEYS } from "@/lib/filters";
import { listAuditEvents } from "@/lib/server/merge/client";
import { withSession } from "@/lib/server/with-session";

// One page of the audit trail for the explorer. Only queries the shared schema accepts reach Merge.
export const GET = withSession(async (request, { parseQuery, recordUpstream }) => {
  const query = parseQuery({ allow: QUERY_KEYS });
  const { page, retries, upstreamMs } = await listAuditEvents(query, { signal: request.signal });
  recordUpstream({ retries, upstreamMs });
  return Response.json({ results: page.results, next: page.next, previous: page.previous });
});
