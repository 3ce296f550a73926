import "server-only";

import { and, asc, desc, eq, gt, gte, lt, lte, sql, type SQL } from "drizzle-orm";
import { z } from "zod";

import type { AccessLogAction, AccessLogEntry, AccessLogPage, AccessLogQuery, AccessLogVerification } from "@/lib/access-log";
import type { ArchiveDb } from "@/lib/server/archive/database";

import { accessLogEntryHash, type HashedFields } from "./access-log-hash";
import { accessLog, accessLogHead } from "./schema";

// The access log's queries: append (links of the chain, several at a time), list (newest first, keyset
// on id), verify (recompute the chain). The same SQL runs on PGlite and PostgreSQL.

export type NewAccessLogEntry = {
  user_email: string | null;
  action: AccessLogAction;
  detail: Record<string, unknown>;
  ip: string | null;
  user_agent: string | null;
};

/** `at` as the hash saw it: JavaScript's toISOString, which timestamp(3) keeps to the millisecond. */
const atText = sql<string>`to_char(${accessLog.at} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const entryColumns = {
  id: accessLog.id,
  at: atText,
  user_email: accessLog.user_email,
  action: accessLog.action,
  detail: accessLog.detail,
  ip: accessLog.ip,
  user_agent: accessLog.user_agent,
  prev_hash: accessLog.prev_hash,
  hash: accessLog.hash,
};

type StoredRow = HashedFields & { hash: string };

/** An entry with the time it happened: the recorder stamps it on arrival, before it waits its turn. */
export type TimedAccessLogEntry = NewAccessLogEntry & { at: Date };

type Head = { last_id: number; last_hash: string | null };

/** The entries as the links that follow `head`, each hashed over the one before. */
function chainAfter(head: Head, entries: readonly TimedAccessLogEntry[]): StoredRow[] {
  let prevHash = head.last_hash;
  return entries.map((entry, index) => {
    const row = {
      id: head.last_id + index + 1,
      at: entry.at.toISOString(),
      user_email: entry.user_email,
      action: entry.action,
      detail: JSON.stringify(entry.detail),
      ip: entry.ip,
      user_agent: entry.user_agent,
      prev_hash: prevHash,
    };
    prevHash = accessLogEntryHash(row);
    return { ...row, hash: prevHash };
  });
}

/** The head as this handle's last append left it: the next append most likely follows it. */
const lastKnownHeads = new WeakMap<ArchiveDb, Head>();

/**
 * Appends entries in their order, all or none (the recorder's group commit: one statement or
 * transaction for all that arrived while the last append ran). Each entry gets the next id and
 * links to the hash before it.
 *
 * The head as this handle last left it is usually still the head (one process appends, or one
 * instance most of the time), so the links are built on it and stored in one statement that moves
 * the head only if it is still there: one round trip. When another instance moved it meanwhile,
 * nothing is stored and the append runs again under the head's row lock (SELECT ... FOR UPDATE),
 * which is how appends from any number of instances sharing a server take turns.
 */
export async function appendAccessLogEntries(db: ArchiveDb, entries: readonly TimedAccessLogEntry[]): Promise<string[]> {
  if (entries.length === 0) return [];
  const known = lastKnownHeads.get(db);
  const rows = known ? await appendAfter(db, known, entries) : null;
  const stored = rows ?? (await appendUnderLock(db, entries));
  const last = stored.at(-1)!;
  lastKnownHeads.set(db, { last_id: last.id, last_hash: last.hash });
  return stored.map((row) => String(row.id));
}

const insertedRowsSchema = z.object({ rows: z.array(z.unknown()) });

/** One statement: the head moves from `head` to the last row and the rows go in, or (head moved) neither. */
async function appendAfter(db: ArchiveDb, head: Head, entries: readonly TimedAccessLogEntry[]): Promise<StoredRow[] | null> {
  const rows = chainAfter(head, entries);
  const last = rows.at(-1)!;
  const values = sql.join(
    rows.map(
      (row) =>
        sql`(${row.id}::bigint, ${row.at}::timestamptz, ${row.user_email}::text, ${row.action}::text, ${row.detail}::text, ${row.ip}::text, ${row.user_agent}::text, ${row.prev_hash}::text, ${row.hash}::text)`,
    ),
    sql`, `,
  );
  const result = await db.execute(sql`
    with moved as (
      update ${accessLogHead} set last_id = ${last.id}, last_hash = ${last.hash}
      where ${accessLogHead.id} = 1 and ${accessLogHead.last_id} = ${head.last_id} and ${accessLogHead.last_hash} is not distinct from ${head.last_hash}::text
      returning 1
    )
    insert into ${accessLog} (id, at, user_email, action, detail, ip, user_agent, prev_hash, hash)
    select * from (values ${values}) as entries where exists (select 1 from moved)
    returning id`);
  // Both drivers answer { rows }; none when the head had moved (then nothing was stored).
  return insertedRowsSchema.parse(result).rows.length > 0 ? rows : null;
}

/** The head read and locked for the transaction, the rows inserted after it, the head moved. */
function appendUnderLock(db: ArchiveDb, entries: readonly TimedAccessLogEntry[]): Promise<StoredRow[]> {
  return db.transaction(async (tx) => {
    const [head] = await tx.select().from(accessLogHead).where(eq(accessLogHead.id, 1)).for("update");
    if (!head) throw new Error("access_log_head has no row: the migrations did not run");
    const rows = chainAfter(head, entries);
    const last = rows.at(-1)!;
    await tx.insert(accessLog).values(rows);
    await tx.update(accessLogHead).set({ last_id: last.id, last_hash: last.hash }).where(eq(accessLogHead.id, 1));
    return rows;
  });
}

function parseDetail(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : { value };
  } catch {
    // Only a row edited in the database could hold this; Verify names it.
    return { unreadable: text };
  }
}

function toEntry(row: StoredRow): AccessLogEntry {
  return { ...row, id: String(row.id), action: row.action as AccessLogAction, detail: parseDetail(row.detail) };
}

/** One page, newest first; `next` is the id to continue below. */
export async function listAccessLog(db: ArchiveDb, query: AccessLogQuery, pageSize: number): Promise<AccessLogPage> {
  const conditions: SQL[] = [];
  if (query.user_email) conditions.push(sql`lower(${accessLog.user_email}) = lower(${query.user_email})`);
  if (query.action) conditions.push(eq(accessLog.action, query.action));
  if (query.start_date) conditions.push(gte(accessLog.at, query.start_date));
  if (query.end_date) conditions.push(lte(accessLog.at, query.end_date));
  if (query.cursor) conditions.push(lt(accessLog.id, Number(query.cursor)));
  const rows = await db
    .select(entryColumns)
    .from(accessLog)
    .where(and(...conditions))
    .orderBy(desc(accessLog.id))
    .limit(pageSize + 1);
  const results = rows.slice(0, pageSize).map(toEntry);
  return { results, next: rows.length > pageSize ? results.at(-1)!.id : null };
}

const VERIFY_BATCH = 1000;

/**
 * Recomputes the chain from the first entry up to the head as it stood when the check began:
 * ids must run 1, 2, 3... (a gap is a removed row), each prev_hash must be the hash before it,
 * and each hash must be the one its fields give. Rows cut from the end show against the head.
 */
export async function verifyAccessLog(db: ArchiveDb): Promise<AccessLogVerification> {
  const [head] = await db.select().from(accessLogHead).where(eq(accessLogHead.id, 1));
  const lastId = head?.last_id ?? 0;
  let expectedId = 1;
  let prevHash: string | null = null;
  let checked = 0;
  const broken = (id: number): AccessLogVerification => ({ ok: false, checked, first_broken_id: String(id) });
  for (;;) {
    const rows: StoredRow[] = await db
      .select(entryColumns)
      .from(accessLog)
      .where(and(gt(accessLog.id, expectedId - 1), lte(accessLog.id, lastId)))
      .orderBy(asc(accessLog.id))
      .limit(VERIFY_BATCH);
    for (const row of rows) {
      checked += 1;
      if (row.id !== expectedId || row.prev_hash !== prevHash || accessLogEntryHash(row) !== row.hash) return broken(row.id);
      prevHash = row.hash;
      expectedId += 1;
    }
    if (rows.length < VERIFY_BATCH) break;
  }
  if (expectedId - 1 !== lastId || prevHash !== (head?.last_hash ?? null)) return broken(expectedId);
  return { ok: true, checked, first_broken_id: null };
}
