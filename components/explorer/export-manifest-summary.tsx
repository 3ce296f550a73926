"use client";

import { useQuery } from "@tanstack/react-query";

import { Button } from "@/components/ui/button";
import { apiRequest } from "@/lib/api-request";
import { exportManifestSchema, manifestPath } from "@/lib/export/manifest";

// Shown after a download: the manifest an auditor can check the file against (its SHA-256 equals
// `sha256sum` of the saved file), with "Download manifest". The manifest is final before the
// download ends, so one read is enough.

export function ExportManifestSummary({ exportId, onDismiss }: { exportId: string; onDismiss: () => void }) {
  const manifest = useQuery({
    queryKey: ["export-manifest", exportId],
    queryFn: ({ signal }) => apiRequest(manifestPath(exportId), exportManifestSchema, { signal }),
    staleTime: Infinity,
    retry: false,
  });
  return (
    <div role="status" aria-label="Export manifest" className="flex flex-wrap items-center gap-2 text-sm text-zinc-700 dark:text-zinc-300">
      {manifest.isPending && <span>Reading the export&apos;s manifest…</span>}
      {manifest.isError && <span>This export&apos;s manifest could not be read: {manifest.error.message}</span>}
      {manifest.data && (
        <>
          <span>
            SHA-256 <code data-testid="manifest-sha256" className="font-mono text-xs break-all">{manifest.data.sha256}</code>
          </span>
          <a
            href={manifestPath(exportId)}
            download={`manifest-${exportId}.json`}
            className="font-medium text-indigo-700 underline underline-offset-2 dark:text-indigo-300"
          >
            Download manifest
          </a>
        </>
      )}
      <Button variant="ghost" onClick={onDismiss}>
        Dismiss
      </Button>
    </div>
  );
}
