"use client";

import { useId, useState } from "react";

import { exportCountText, exportProgressText } from "@/components/explorer/export-words";
import { useTimeZone } from "@/components/explorer/use-time-zone";
import { ExportManifestSummary } from "@/components/explorer/export-manifest-summary";
import { Button } from "@/components/ui/button";
import { MenuList } from "@/components/menu-list";
import { usePopover } from "@/components/use-popover";
import { useToast } from "@/components/ui/toast";
import { EXPORT_FORMATS, type ExportFormat } from "@/lib/export/formats";
import { useExport } from "@/lib/export/use-export";
import type { AuditTrailFilters } from "@/lib/filters";

// "Export" menu (CSV, JSON, NDJSON) for the current filters, with progress, Cancel, and a message
// that says what went wrong. The menu follows the WAI-ARIA menu button pattern.

const FORMAT_LABELS: Record<ExportFormat, string> = { csv: "CSV", json: "JSON", ndjson: "NDJSON" };
const FORMAT_HINTS: Record<ExportFormat, string> = {
  csv: "for spreadsheets",
  json: "one array",
  ndjson: "one event a line",
};

type ExportMenuProps = {
  filters: AuditTrailFilters | null;
  /** How many events the export will hold, when the archive has counted them: progress then reads "120 of 1,204 events". */
  total?: number;
};

export function ExportMenu({ filters, total }: ExportMenuProps) {
  const { status, start, cancel, dismiss } = useExport();
  const { timeZone } = useTimeZone();
  // The last saved export's id: its manifest is shown next to the menu.
  const [savedExportId, setSavedExportId] = useState<string | null>(null);
  const toast = useToast();
  const menuId = useId();
  const { open, setOpen, root, trigger, close } = usePopover();

  const exportAs = async (format: ExportFormat) => {
    if (!filters) return;
    setSavedExportId(null);
    const outcome = await start(filters, format, timeZone);
    if (outcome.kind === "saved") {
      toast(`Exported ${exportCountText(outcome.events)} to ${outcome.filename}`);
      setSavedExportId(outcome.exportId);
    }
    if (outcome.kind === "cancelled") toast("Export cancelled");
  };

  const running = status.kind === "running";

  return (
    <div className="flex flex-wrap items-center gap-2">
      {/* The menu hangs from the button's right edge: the button sits at the end of the filter bar. */}
      <div ref={root} className="relative">
        <Button
          ref={trigger}
          aria-haspopup="menu"
          aria-expanded={open}
          aria-controls={open ? menuId : undefined}
          disabled={running || !filters}
          onClick={() => setOpen((value) => !value)}
        >
          Export
          <span aria-hidden="true">▾</span>
        </Button>
        {open && (
          <MenuList
            id={menuId}
            label="Export format"
            choices={EXPORT_FORMATS.map((format) => ({ label: FORMAT_LABELS[format], hint: FORMAT_HINTS[format], onSelect: () => void exportAs(format) }))}
            close={close}
            dismiss={() => setOpen(false)}
            widthClass="min-w-48"
          />
        )}
      </div>
      {running && (
        <>
          <span role="status" className="text-sm text-zinc-700 tabular-nums dark:text-zinc-300">
            {exportProgressText(status.events, total)}
          </span>
          {total !== undefined && total > 0 && (
            <progress
              aria-label="Export progress"
              max={total}
              value={Math.min(status.events, total)}
              className="h-1.5 w-24 accent-indigo-600 dark:accent-indigo-400"
            />
          )}
          <Button variant="ghost" onClick={cancel}>
            Cancel
          </Button>
        </>
      )}
      {savedExportId && status.kind === "idle" && <ExportManifestSummary exportId={savedExportId} onDismiss={() => setSavedExportId(null)} />}
      {status.kind === "failed" && (
        <div role="alert" className="flex items-center gap-2 text-sm text-red-700 dark:text-red-400">
          <span>{status.message}</span>
          <Button variant="ghost" onClick={dismiss}>
            Dismiss
          </Button>
        </div>
      )}
    </div>
  );
}
