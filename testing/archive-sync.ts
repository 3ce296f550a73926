import type { AuditEvent } from "@/lib/audit-event";
import { expectedEvents } from "@/testing/simulator-oracle";
import type { ArchiveDb } from "@/lib/server/archive/database";
import { listArchivedEvents } from "@/lib/server/archive/store";
import { createMergeClient, type FetchLike, type MergeClient } from "@/lib/server/merge/client";
import type { Simulator } from "@/lib/simulator";

// What the syncer's tests share: a Merge client reading an in-process simulator the way the app
// does (one attempt per call, as the syncer's own client), and the two sides to compare.

export function simulatorClient(
  simulator: Simulator,
  { timeoutMs = 2_000, fetch }: { timeoutMs?: number; fetch?: (base: FetchLike) => FetchLike } = {},
): MergeClient {
  const base: FetchLike = (url, init) => simulator.handle(new Request(url, init));
  return createMergeClient({
    baseUrl: "http://embedded-simulator.invalid/api",
    category: "hris",
    apiKey: simulator.options.apiKey,
    fetch: fetch ? fetch(base) : base,
    timeoutMs,
    retry: { policy: { maxRetries: 0 } },
  });
}

/** An event as compared: its id and created_at, the text exactly as served. */
const key = (event: AuditEvent) => `${event.id} ${event.created_at}`;

/** The simulator's whole trail, as `id created_at` lines in id order. */
export function simulatorTrail(simulator: Simulator): string[] {
  return expectedEvents(simulator).map(key).sort();
}

/** The archive's whole content, walked page by page, as `id created_at` lines in id order. */
export async function archivedTrail(db: ArchiveDb): Promise<string[]> {
  const lines: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await listArchivedEvents(db, { page_size: 100, cursor });
    lines.push(...page.results.map(key));
    cursor = page.next ?? undefined;
  } while (cursor);
  return lines.sort();
}
