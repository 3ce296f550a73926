import { ACCESS_LOG_PAGE_SIZE } from "@/lib/access-log";
import type { AppDependencies } from "@/lib/server/app-dependencies";
import { asArchiveError } from "@/lib/server/archive/errors";
import { readableAccessLogQuery } from "@/lib/server/records/access-log-scope";
import { listAccessLog } from "@/lib/server/records/access-log-store";
import { withSession } from "@/lib/server/with-session";

/**
 * GET /api/access-log?user_email=&action=&start_date=&end_date=&cursor=: newest first, 50 a page,
 * `next` the cursor of the page after. An admin reads everyone's entries, anyone else their own.
 */
export function createAccessLogRoute(deps: Pick<AppDependencies, "getSession" | "records">) {
  return withSession(deps.getSession, async (request, { session }) => {
    const { records } = deps;
    const query = readableAccessLogQuery(request.nextUrl.searchParams, { email: session.email, admin: records.isAdmin(session.email) });
    const page = await records
      .database()
      .then((db) => listAccessLog(db, query, ACCESS_LOG_PAGE_SIZE))
      .catch((error: unknown) => Promise.reject(asArchiveError(error)));
    return Response.json(page);
  });
}
