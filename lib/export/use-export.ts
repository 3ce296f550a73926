import { useCallback, useEffect, useRef, useState } from "react";

import { ExportFailure, runExport, saveFile } from "@/lib/export/download";
import type { ExportFormat } from "@/lib/export/formats";
import type { AuditTrailFilters } from "@/lib/filters";

// The export's lifecycle for the explorer: one export at a time, cancellable, aborted if the page
// goes away; its outcome is a state to render, never a thrown error.

export type ExportStatus =
  | { kind: "idle" }
  | { kind: "running"; format: ExportFormat; events: number }
  | { kind: "failed"; message: string };

export type ExportDownloadResult =
  | { kind: "saved"; events: number; filename: string; exportId: string | null }
  | { kind: "cancelled" }
  | { kind: "failed" };

export function useExport() {
  const [status, setStatus] = useState<ExportStatus>({ kind: "idle" });
  const running = useRef<AbortController | null>(null);

  useEffect(() => () => running.current?.abort(), []);

  const start = useCallback(async (filters: AuditTrailFilters, format: ExportFormat, timeZone: string): Promise<ExportDownloadResult> => {
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    setStatus({ kind: "running", format, events: 0 });
    try {
      const file = await runExport({
        filters,
        format,
        timeZone,
        signal: controller.signal,
        onProgress: (events) => setStatus({ kind: "running", format, events }),
      });
      saveFile(file);
      setStatus({ kind: "idle" });
      return { kind: "saved", events: file.events, filename: file.filename, exportId: file.exportId };
    } catch (error) {
      if (controller.signal.aborted) {
        setStatus({ kind: "idle" });
        return { kind: "cancelled" };
      }
      const message = error instanceof ExportFailure ? error.message : "The export failed unexpectedly: retry.";
      setStatus({ kind: "failed", message });
      return { kind: "failed" };
    } finally {
      if (running.current === controller) running.current = null;
    }
  }, []);

  const cancel = useCallback(() => running.current?.abort(new DOMException("Export cancelled", "AbortError")), []);
  const dismiss = useCallback(() => setStatus({ kind: "idle" }), []);

  return { status, start, cancel, dismiss };
}
