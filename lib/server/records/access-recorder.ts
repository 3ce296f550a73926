import "server-only";

import type { ArchiveDb } from "@/lib/server/archive/database";
import { logWarning } from "@/lib/server/log";

import { appendAccessLog, type NewAccessLogEntry } from "./access-log-store";
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

/** The recorder writing to the database `database` opens (the app's: appDatabase in runtime.ts). */
export function createAccessRecorder(database: () => Promise<ArchiveDb>): RecordAccess {
  return async (entry) => {
    try {
      await withDeadline(database().then((db) => appendAccessLog(db, entry)), RECORD_WAIT_MS);
      return true;
    } catch (error) {
      logWarning("An access-log entry could not be stored in the database; it is recorded here instead", {
        entry,
        reason: error instanceof Error ? error.message : String(error),
      });
      return false;
    }
  };
}
