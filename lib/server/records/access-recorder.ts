import "server-only";

import type { ArchiveDb } from "@/lib/server/archive/database";
import { logWarning } from "@/lib/server/log";

import { appendAccessLogEntries, type NewAccessLogEntry, type TimedAccessLogEntry } from "./access-log-store";
import { RECORD_WAIT_MS, withDeadline } from "./deadline";

// Writing an access-log entry never blocks or breaks the action it records: a database that fails
// or does not answer in time leaves the entry in the server log instead, and the caller learns it
// was not stored (so the page can say so). The action goes ahead either way.

export type RequestOrigin = Pick<NewAccessLogEntry, "ip" | "user_agent">;

/** Records one entry; resolves true once stored, false when it went to the server log instead. Never rejects. */
export type RecordAccess = (entry: NewAccessLogEntry) => Promise<boolean>;

/**
 * Who sent a request: the last X-Forwarded-For hop (Next sets it to the socket's peer when no proxy
 * did; a proxy appends the address it saw, so earlier hops may be the client's own claims), and
 * the User-Agent.
 */
export function requestOrigin(headers: Headers): RequestOrigin {
  const hops = (headers.get("x-forwarded-for") ?? "").split(",").map((hop) => hop.trim()).filter(Boolean);
  return { ip: hops.at(-1) ?? null, user_agent: headers.get("user-agent") };
}

/** The most entries one append takes: one INSERT's worth, far above what a burst leaves waiting. */
const MAX_ENTRIES_PER_APPEND = 200;

type Waiting = { entry: TimedAccessLogEntry; settle(error?: unknown): void };

/**
 * The recorder writing to the database `database` opens (the app's: appDatabase in runtime.ts).
 *
 * Group commit: one append runs at a time, and the entries that arrive meanwhile wait in order and
 * go together in the next one (one append: see appendAccessLogEntries). Under load that is
 * one append for many entries instead of one each, all queueing on the same row lock and, on
 * PGlite, on its one connection, ahead of the pages people are waiting for. An entry alone goes at
 * once. Each entry is stamped when it arrives, so ids and times keep the order of the actions.
 */
export function createAccessRecorder(database: () => Promise<ArchiveDb>): RecordAccess {
  const waiting: Waiting[] = [];
  let appending = false;

  async function appendWaiting() {
    appending = true;
    while (waiting.length > 0) {
      const batch = waiting.splice(0, MAX_ENTRIES_PER_APPEND);
      try {
        // An append that never ends must not hold up the entries behind it (their callers have
        // given up by then, and the server log has them).
        await withDeadline(
          database().then((db) => appendAccessLogEntries(db, batch.map((item) => item.entry))),
          RECORD_WAIT_MS,
        );
        for (const item of batch) item.settle();
      } catch (error) {
        for (const item of batch) item.settle(error);
      }
    }
    appending = false;
  }

  return async (newEntry) => {
    const entry = { ...newEntry, at: new Date() };
    let item!: Waiting;
    const stored = new Promise<void>((resolve, reject) => {
      item = { entry, settle: (error) => (error === undefined ? resolve() : reject(error)) };
    });
    waiting.push(item);
    if (!appending) void appendWaiting();
    try {
      await withDeadline(stored, RECORD_WAIT_MS);
      return true;
    } catch (error) {
      // Given up while still waiting its turn: it stays out of the database, so it is in the
      // server log only (below), never in both.
      const index = waiting.indexOf(item);
      if (index >= 0) waiting.splice(index, 1);
      logWarning("An access-log entry could not be stored in the database; it is recorded here instead", {
        entry: newEntry,
        reason: error instanceof Error ? error.message : String(error),
      });
      return false;
    }
  };
}
