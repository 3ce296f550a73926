import { accessLogSearchParams } from "@/lib/access-log";
import { ACCESS_LOG_CSV_HEADER, accessLogCsvRow } from "@/lib/access-log-csv";
import { contentDisposition } from "@/lib/export/filename";
import type { AppDependencies } from "@/lib/server/app-dependencies";
import { asArchiveError } from "@/lib/server/archive/errors";
import { requestOrigin } from "@/lib/server/records/access-recorder";
import { readableAccessLogQuery } from "@/lib/server/records/access-log-scope";
import { listAccessLog } from "@/lib/server/records/access-log-store";
import { withSession } from "@/lib/server/with-session";

// GET /api/access-log/export?<the list's filters>: every entry the reader may see, newest first, as
// CSV, streamed a page at a time. Exporting the log is itself an entry (access_log_exported),
// written once the file is complete, so it is never in the file it describes.

const EXPORT_PAGE_SIZE = 1000;

export function createAccessLogExportRoute(deps: Pick<AppDependencies, "getSession" | "records">) {
  return withSession(deps.getSession, async (request, { session }) => {
    const { records } = deps;
    const query = readableAccessLogQuery(request.nextUrl.searchParams, { email: session.email, admin: records.isAdmin(session.email) });
    const db = await records.database().catch((error: unknown) => Promise.reject(asArchiveError(error)));
    // The first page before any byte: a database that fails now is an ordinary error answer.
    let page = await listAccessLog(db, query, EXPORT_PAGE_SIZE).catch((error: unknown) => Promise.reject(asArchiveError(error)));
    let count = 0;
    const utf8 = new TextEncoder();
    const body = new ReadableStream<Uint8Array>(
      {
        start(controller) {
          controller.enqueue(utf8.encode(ACCESS_LOG_CSV_HEADER));
        },
        async pull(controller) {
          try {
            count += page.results.length;
            controller.enqueue(utf8.encode(page.results.map(accessLogCsvRow).join("")));
            if (page.next === null) {
              const filters = Object.fromEntries(accessLogSearchParams({ ...query, cursor: undefined }));
              await records.recordAccess({
                user_email: session.email,
                action: "access_log_exported",
                detail: { filters, count },
                ...requestOrigin(request.headers),
              });
              controller.close();
              return;
            }
            page = await listAccessLog(db, { ...query, cursor: page.next }, EXPORT_PAGE_SIZE);
          } catch (error) {
            controller.error(error);
          }
        },
      },
      { highWaterMark: 0 },
    );
    return new Response(body, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": contentDisposition("access-log.csv"),
        "X-Content-Type-Options": "nosniff",
      },
    });
  });
}
