import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { postgres, type TestDatabase } from "../../testing/archive-databases";

// Where the bench keeps the archives it measures: a fresh PGlite folder under the system's temp
// folder, or a database of its own on the PostgreSQL server at BENCH_DATABASE_URL (by default the
// machine's shared server), created for one measurement and dropped after it.

export const BENCH_DATABASE_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export type ArchiveKind = "PGlite" | "PostgreSQL";
export const ARCHIVE_KINDS: readonly ArchiveKind[] = ["PostgreSQL", "PGlite"];

const undropped = new Set<TestDatabase>();

export async function createArchive(kind: ArchiveKind): Promise<TestDatabase> {
  const created: TestDatabase =
    kind === "PostgreSQL" ? await postgres(BENCH_DATABASE_URL, "archive_bench").create() : embeddedArchive();
  const tracked: TestDatabase = {
    target: created.target,
    drop: async () => {
      undropped.delete(tracked);
      await created.drop();
    },
  };
  undropped.add(tracked);
  return tracked;
}

function embeddedArchive(): TestDatabase {
  const dir = mkdtempSync(path.join(tmpdir(), "archive-bench-"));
  return { target: { kind: "embedded", dir }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

/** Drops every archive the run has not dropped yet (its servers must be stopped first). */
export async function dropArchives(): Promise<void> {
  await Promise.all([...undropped].map((archive) => archive.drop().catch(() => undefined)));
}
