import { MAX_EVENTS_HEADER } from "@/lib/export/download";
import { contentDisposition, exportFilename } from "@/lib/export/filename";
import { ENCODERS, EXPORT_FORMATS, isExportFormat, type ExportFormat } from "@/lib/export/formats";
import { FILTER_KEYS, pickFilters } from "@/lib/filters";
import { getServerConfig } from "@/lib/server/config";
import { logExport } from "@/lib/server/export/log";
import { openExportStream } from "@/lib/server/export/stream";
import { listAuditEvents } from "@/lib/server/merge/client";
import { ApiError } from "@/lib/server/merge/errors";
import { withSession } from "@/lib/server/with-session";

// GET /api/audit-trail/export?format=csv|json|ndjson&<filters>: every matching event, streamed.
// The size is unknown up front, so there is no Content-Length; the body ends cleanly only when the
// export is complete (a failure cuts the connection).

const FORMAT_MESSAGE = `The format is one of ${EXPORT_FORMATS.join(", ")}`;

/** `format` is ours, not Merge's, so it is checked here and kept out of the shared filter schema. */
function parseFormat(params: URLSearchParams): ExportFormat {
  const values = params.getAll("format");
  if (values.length > 1) throw new ApiError("invalid_filter", '"format" may be given only once', "format");
  const format = values[0]?.trim() || "csv";
  if (!isExportFormat(format)) throw new ApiError("invalid_filter", FORMAT_MESSAGE, "format");
  return format;
}

export const GET = withSession(async (request, { session, parseQuery }) => {
  const format = parseFormat(request.nextUrl.searchParams);
  const filters = pickFilters(parseQuery({ allow: FILTER_KEYS, ignore: ["format"] }));
  const { exportMaxEvents } = getServerConfig();
  const encoder = ENCODERS[format];

  const body = await openExportStream({
    filters,
    format,
    maxEvents: exportMaxEvents,
    listPage: (query, options) => listAuditEvents(query, { ...options, user: session.email }),
    signal: request.signal,
    onFinish: (summary) => logExport({ ...summary, user: session.email, filters, format }),
  });

  return new Response(body, {
    headers: {
      "Content-Type": encoder.contentType,
      "Content-Disposition": contentDisposition(exportFilename(filters, encoder.extension)),
      "X-Content-Type-Options": "nosniff",
      [MAX_EVENTS_HEADER]: String(exportMaxEvents),
      // Reverse proxies such as nginx would otherwise hold the stream back and break the progress line.
      "X-Accel-Buffering": "no",
    },
  });
});
