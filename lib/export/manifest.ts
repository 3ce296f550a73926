import { z } from "zod";

// An export's manifest: what an auditor needs to trust a file without trusting whoever hands it
// over. Shared by the server (which writes it) and the browser (which shows it after a download).

/** The response header every export carries; GET /api/audit-trail/export/{id}/manifest reads it. */
export const EXPORT_ID_HEADER = "X-Export-Id";

export const EXPORT_OUTCOMES = ["complete", "cancelled", "failed"] as const;
export type ExportOutcome = (typeof EXPORT_OUTCOMES)[number];

export const exportManifestSchema = z.object({
  id: z.string(),
  /** The explorer URL of the exported filters, its date range frozen at the export's start. */
  url: z.string(),
  /** "archive as of <time>" or "live from Merge". */
  source: z.string(),
  count: z.number().nullable(),
  /** The oldest and newest event times in the file (Merge's created_at), null for an empty file. */
  first_event_at: z.string().nullable(),
  last_event_at: z.string().nullable(),
  /** SHA-256 (hex) of the exact bytes served. */
  sha256: z.string().nullable(),
  created_by: z.string(),
  created_at: z.string(),
  app_version: z.string(),
  /** Null while the export is still streaming; final once it ends. */
  outcome: z.enum(EXPORT_OUTCOMES).nullable(),
});

/** GET /api/audit-trail/export/{id}/manifest, exactly. */
export type ExportManifest = z.infer<typeof exportManifestSchema>;

export function manifestPath(id: string): string {
  return `/api/audit-trail/export/${encodeURIComponent(id)}/manifest`;
}
