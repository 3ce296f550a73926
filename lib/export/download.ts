import { readApiError } from "@/lib/api-errors";
import { exportFilename } from "@/lib/export/filename";
import { EXPORT_ID_HEADER } from "@/lib/export/manifest";
import { ENCODERS, type ExportFormat } from "@/lib/export/formats";
import { createRecordCounter } from "@/lib/export/record-counter";
import { pickFilters, toSearchParams, type AuditTrailFilters } from "@/lib/filters";

// Runs an export in the browser: fetch, read the body as it streams (counting events for the
// progress line), and hand back the file only once the server has ended it cleanly. The server
// cuts the connection on any failure, so a read that rejects means the file is incomplete and
// nothing is saved.
//
// The file is kept as a Blob rather than streamed to disk with showSaveFilePicker: that API exists
// only in Chromium, its dialog would open before we know the export can start (and leave an empty
// or partial file behind on failure), and Blobs of this size are spilled to disk by browsers anyway.

export const EXPORT_ENDPOINT = "/api/audit-trail/export";

/** The header that tells the client the server's event limit, so a cut at exactly that count reads as "too large". */
export const MAX_EVENTS_HEADER = "X-Export-Max-Events";

export class ExportFailure extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "ExportFailure";
  }
}

/** `exportId`: the X-Export-Id of the response, which names the export's manifest. */
export type ExportFile = { blob: Blob; filename: string; events: number; exportId: string | null };

export type RunExportOptions = {
  filters: AuditTrailFilters;
  format: ExportFormat;
  /** The zone the explorer shows times in: the file is named with the days the user chose there. */
  timeZone: string;
  signal: AbortSignal;
  onProgress: (events: number) => void;
  fetch?: typeof fetch;
};

export function exportUrl(filters: AuditTrailFilters, format: ExportFormat): string {
  const params = toSearchParams(pickFilters(filters));
  params.set("format", format);
  return `${EXPORT_ENDPOINT}?${params}`;
}

const count = (events: number) => `${events.toLocaleString("en-US")} event${events === 1 ? "" : "s"}`;

/** Resolves with the complete file; rejects with an ExportFailure, or the signal's reason on cancel. */
export async function runExport(options: RunExportOptions): Promise<ExportFile> {
  const { format, signal, onProgress } = options;
  const doFetch = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(exportUrl(options.filters, format), { signal, cache: "no-store" });
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    throw new ExportFailure("The export could not start: the server did not answer. Check the connection and retry.", {
      cause: error,
    });
  }
  if (!response.ok || !response.body) {
    throw new ExportFailure(`The export could not start: ${(await readApiError(response)).message}`);
  }

  const maxEvents = Number(response.headers.get(MAX_EVENTS_HEADER)) || undefined;
  const counter = createRecordCounter(format);
  const decoder = new TextDecoder();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      counter.push(decoder.decode(value, { stream: true }));
      onProgress(counter.count);
    }
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    if (maxEvents !== undefined && counter.count >= maxEvents) {
      throw new ExportFailure(`This export has more than ${count(maxEvents)}: narrow the filters`, { cause: error });
    }
    throw new ExportFailure(
      `The export was cut off after ${count(counter.count)}: nothing was saved. Retry, or narrow the filters.`,
      { cause: error },
    );
  }
  const filename = exportFilename(options.filters, ENCODERS[format].extension, options.timeZone);
  const blob = new Blob(chunks, { type: ENCODERS[format].contentType });
  return { blob, filename, events: counter.count, exportId: response.headers.get(EXPORT_ID_HEADER) };
}

/** Hands a finished file to the browser's downloads. */
export function saveFile({ blob, filename }: ExportFile): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.rel = "noopener";
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; keeping it forever pins the Blob.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
