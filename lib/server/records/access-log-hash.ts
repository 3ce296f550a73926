import "server-only";

import { createHash } from "node:crypto";

// One entry's hash: SHA-256 (hex) of a JSON array of its fields in a fixed order, the previous
// entry's hash included, so each entry vouches for the whole chain before it. An auditor can
// recompute it from GET /api/access-log's own fields (README, "For auditors").

export type HashedFields = {
  id: number;
  at: string;
  user_email: string | null;
  action: string;
  /** The stored JSON text, exactly. */
  detail: string;
  ip: string | null;
  user_agent: string | null;
  prev_hash: string | null;
};

export function accessLogEntryHash(fields: HashedFields): string {
  const { id, at, user_email, action, detail, ip, user_agent, prev_hash } = fields;
  const canonical = JSON.stringify([String(id), at, user_email, action, detail, ip, user_agent, prev_hash]);
  return createHash("sha256").update(canonical, "utf8").digest("hex");
}
