import pg from "pg";

import { auditTrailPageSchema, type AuditTrailPage } from "../../lib/audit-event";
import { sleep } from "../../testing/processes";
import type { ExportRecord } from "./users";

// The end checks' readings: every event id the upstream serves and the archive holds before a
// cutoff, each read by walking its pages, and, for each export, the ids the archive held for its
// filters when the export started (rows visible in the database snapshot taken then).

const PAGE_SIZE = "100";
const ATTEMPTS = 20;

/** Walks every page; a failed page (a fault, an outage) is asked again after a pause. */
async function walkIds(pageUrl: (cursor: string | null) => string, headers: Record<string, string>): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    let page: AuditTrailPage;
    for (let attempt = 1; ; attempt += 1) {
      const response: Response | null = await fetch(pageUrl(cursor), { headers, signal: AbortSignal.timeout(30_000) }).catch(() => null);
      const parsed = response?.ok ? auditTrailPageSchema.safeParse(await response.json()) : null;
      if (parsed?.success) {
        page = parsed.data;
        break;
      }
      await response?.body?.cancel().catch(() => undefined);
      if (attempt === ATTEMPTS) throw new Error(`No page from ${pageUrl(cursor)} after ${ATTEMPTS} attempts (last HTTP ${response?.status ?? "none"})`);
      await sleep(Math.min(5_000, 250 * attempt));
    }
    ids.push(...page.results.map((event) => event.id));
    cursor = page.next;
  } while (cursor);
  return ids;
}

/** Every id the simulator serves created before `endDate`. */
export function upstreamIds(baseUrl: string, category: string, authHeader: string, endDate: string): Promise<string[]> {
  return walkIds(
    (cursor) => `${baseUrl}/${category}/v1/audit-trail?${new URLSearchParams({ page_size: PAGE_SIZE, end_date: endDate, ...(cursor && { cursor }) })}`,
    { authorization: authHeader },
  );
}

/** Every id the archive serves (through the app, as people read it) created before `endDate`. */
export function archiveIds(appUrl: string, cookie: string, endDate: string): Promise<string[]> {
  return walkIds(
    (cursor) => `${appUrl}/api/audit-trail?${new URLSearchParams({ page_size: PAGE_SIZE, end_date: endDate, ...(cursor && { cursor }) })}`,
    { cookie },
  );
}

/** A connection of the soak's own to the archive's database, for snapshots; null while it is down. */
export function databaseProbe(url: string) {
  // A snapshot is taken just before an export starts: it must fail fast while the database is down.
  const pool = new pg.Pool({ connectionString: url, max: 2, connectionTimeoutMillis: 2_000 });
  // A killed server drops idle connections: the pool must not crash the soak for it.
  pool.on("error", () => undefined);
  return {
    async snapshot(): Promise<string | null> {
      try {
        const { rows } = await pool.query<{ snapshot: string }>("select pg_current_snapshot()::text as snapshot");
        return rows[0]?.snapshot ?? null;
      } catch {
        return null;
      }
    },
    /**
     * The ids matching the export's filters among the rows committed when `snapshot` was taken.
     * The filters mean what they mean at Merge and in the archive: email case-insensitive, event
     * type exact, both dates strict. A fresh cluster's xids need no epoch, so xmin reads as xid8.
     */
    async heldAt(record: ExportRecord & { snapshot: string }): Promise<string[]> {
      const conditions = ["pg_visible_in_snapshot(xmin::text::xid8, $1::pg_snapshot)"];
      const values: string[] = [record.snapshot];
      const add = (condition: (n: number) => string, value: string | undefined) => {
        if (value === undefined) return;
        values.push(value);
        conditions.push(condition(values.length));
      };
      add((n) => `lower(user_email) = lower($${n})`, record.filters.user_email);
      add((n) => `event_type = $${n}`, record.filters.event_type);
      add((n) => `created_at > $${n}::timestamptz`, record.filters.start_date);
      add((n) => `created_at < $${n}::timestamptz`, record.filters.end_date);
      const { rows } = await pool.query<{ id: string }>(`select id from audit_events where ${conditions.join(" and ")}`, values);
      return rows.map((row) => row.id);
    },
    end: () => pool.end(),
  };
}

export type DatabaseProbe = ReturnType<typeof databaseProbe>;
