import { MAX_EVENTS_HEADER } from "@/lib/export/download";
import { contentDisposition, exportFilename } from "@/lib/export/filename";
import { ENCODERS, EXPORT_FORMATS, isExportFormat, type ExportFormat } from "@/lib/export/formats";
import { FILTER_KEYS, pickFilters, repeatedParameterMessage } from "@/lib/filters";
import { ApiError } from "@/lib/server/api-error";
import type { AppDependencies } from "@/lib/server/app-dependencies";
import { EXPORT_ID_HEADER } from "@/lib/export/manifest";
import { logExport } from "@/lib/server/export/log";
import { openExportStream } from "@/lib/server/export/stream";
import { requestOrigin } from "@/lib/server/records/access-recorder";
import { startExportRecords } from "@/lib/server/records/export-manifest";
import { withSession } from "@/lib/server/with-session";

// GET /api/audit-trail/export?format=csv|json|ndjson&<filters>: every matching event, streamed.
// The size is unknown up front, so there is no Content-Length; the body ends cleanly only when the
// export is complete (a failure cuts the connection).

const FORMAT_MESSAGE = `The format is one of ${EXPORT_FORMATS.join(", ")}`;

/** `format` is ours, not Merge's, so it is checked here and kept out of the shared filter schema. */
function parseFormat(params: URLSearchParams): ExportFormat {
  const values = params.getAll("format");
  if (values.length > 1) throw new ApiError("invalid_filter", repeatedParameterMessage("format"), "format");
  const format = values[0]?.trim() || "csv";
  if (!isExportFormat(format)) throw new ApiError("invalid_filter", FORMAT_MESSAGE, "format");
  return format;
}

export function createExportRoute(deps: Pick<AppDependencies, "source" | "getSession" | "config" | "records" | "now">) {
  return withSession(deps.getSession, async (request, { session, parseRequestQuery }) => {
    const format = parseFormat(request.nextUrl.searchParams);
    const filters = pickFilters(parseRequestQuery({ allow: [...FILTER_KEYS, "tz"], ignore: ["format"] }));
    const { exportMaxEvents } = deps.config;
    const { source } = deps;
    const encoder = ENCODERS[format];
    // Every export gets a manifest and an access-log entry (lib/server/records/export-manifest.ts).
    const records = startExportRecords(deps.records, {
      filters,
      format,
      user: session.email,
      origin: requestOrigin(request.headers),
      appOrigin: request.nextUrl.origin,
      source: source.describe(),
    });

    const body = await openExportStream({
      filters,
      format,
      maxEvents: exportMaxEvents,
      listPage: (query, options) => source.listPage(query, { ...options, user: session.email }),
      signal: request.signal,
      onFinish: (summary) => {
        logExport({ ...summary, user: session.email, filters, format });
        return records.finish(summary);
      },
    });

    return new Response(body, {
      headers: {
        "Content-Type": encoder.contentType,
        "Content-Disposition": contentDisposition(exportFilename(filters, encoder.extension)),
        "X-Content-Type-Options": "nosniff",
        [MAX_EVENTS_HEADER]: String(exportMaxEvents),
        [EXPORT_ID_HEADER]: records.id,
        // Reverse proxies such as nginx would otherwise hold the stream back and break the progress line.
        "X-Accel-Buffering": "no",
      },
    });
  }, { now: deps.now });
}
