import "server-only";

import { z } from "zod";

import { ArchiveError } from "./errors";

// The archive's page cursors: a keyset boundary (created_at with microseconds, id) and a direction,
// as base64url of JSON, so they pass the shared cursor rule of lib/filters.ts like
// Merge's own. Opaque to callers; anything that does not decode to exactly this is invalid_cursor,
// checked here so a tampered cursor never reaches SQL.

export type KeysetCursor = {
  /** "next" pages run on in the listing's order (older when newest first), "previous" pages back. */
  direction: "next" | "previous";
  /** The listing's order: a cursor only continues the listing it came from. */
  order: "asc" | "desc";
  /** created_at as `YYYY-MM-DDTHH:MM:SS.ffffffZ`. */
  createdAt: string;
  id: string;
};

const MICROS_ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.\d{6}Z$/;

/** True for a real instant written with six fraction digits in UTC (no 2026-02-30, no 25:00). */
function isMicrosIso(text: string): boolean {
  const match = MICROS_ISO.exec(text);
  if (!match) return false;
  const [, y, mo, d, h, mi, s] = match.map(Number);
  const date = new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!));
  return (
    y! >= 1 &&
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === mo! - 1 &&
    date.getUTCDate() === d &&
    date.getUTCHours() === h &&
    date.getUTCMinutes() === mi
  );
}

const tokenSchema = z.strictObject({
  d: z.enum(["n", "p"]),
  // Absent in the cursors of newest-first listings, as before oldest-first existed.
  o: z.literal("a").optional(),
  t: z.string().refine(isMicrosIso),
  // Merge's ids are UUIDs; the bound keeps a cursor within the query schema's 512 characters.
  i: z.string().min(1).max(200),
});

export function encodeKeysetCursor(cursor: KeysetCursor): string {
  const json = JSON.stringify({
    d: cursor.direction === "next" ? "n" : "p",
    ...(cursor.order === "asc" && { o: "a" }),
    t: cursor.createdAt,
    i: cursor.id,
  });
  return Buffer.from(json, "utf8").toString("base64url");
}

/** The boundary the token names; throws ArchiveError("invalid_cursor") for anything else. */
export function decodeKeysetCursor(token: string): KeysetCursor {
  const invalid = () => new ArchiveError("invalid_cursor", "The cursor is not one of the archive's");
  let parsed: unknown;
  try {
    const text = Buffer.from(token, "base64url").toString("utf8");
    // Buffer skips what is not base64url; a token that does not round-trip was not ours.
    if (Buffer.from(text, "utf8").toString("base64url") !== token) throw invalid();
    parsed = JSON.parse(text);
  } catch {
    throw invalid();
  }
  const result = tokenSchema.safeParse(parsed);
  if (!result.success) throw invalid();
  const { d, o, t, i } = result.data;
  return { direction: d === "n" ? "next" : "previous", order: o === "a" ? "asc" : "desc", createdAt: t, id: i };
}
