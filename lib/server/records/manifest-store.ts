import "server-only";

import { eq, sql } from "drizzle-orm";

import type { ExportManifest, ExportOutcome } from "@/lib/export/manifest";
import type { ArchiveDb } from "@/lib/server/archive/database";

import { exportManifests } from "./schema";

// Export manifests: written when an export starts, completed once when its stream ends. A manifest
// whose outcome is set is never changed again (the completing update requires outcome is null).

export type NewManifest = Omit<ExportManifest, "count" | "first_event_at" | "last_event_at" | "sha256" | "outcome"> & { format: string };

export type ManifestResult = Pick<ExportManifest, "count" | "first_event_at" | "last_event_at" | "sha256"> & { outcome: ExportOutcome };

export async function createManifest(db: ArchiveDb, manifest: NewManifest): Promise<void> {
  await db.insert(exportManifests).values({ ...manifest, outcome: null });
}

export async function completeManifest(db: ArchiveDb, id: string, result: ManifestResult): Promise<void> {
  await db
    .update(exportManifests)
    .set(result)
    .where(sql`${exportManifests.id} = ${id} and ${exportManifests.outcome} is null`);
}

const createdAtText = sql<string>`to_char(${exportManifests.created_at} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The manifest and who made it; undefined when there is none with this id. */
export async function readManifest(db: ArchiveDb, id: string): Promise<ExportManifest | undefined> {
  const [row] = await db
    .select({
      id: exportManifests.id,
      url: exportManifests.url,
      source: exportManifests.source,
      count: exportManifests.count,
      first_event_at: exportManifests.first_event_at,
      last_event_at: exportManifests.last_event_at,
      sha256: exportManifests.sha256,
      created_by: exportManifests.created_by,
      created_at: createdAtText,
      app_version: exportManifests.app_version,
      outcome: exportManifests.outcome,
    })
    .from(exportManifests)
    .where(eq(exportManifests.id, id));
  return row && { ...row, outcome: row.outcome as ExportOutcome | null };
}
