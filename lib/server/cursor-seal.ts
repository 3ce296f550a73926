import "server-only";

import { createHmac, timingSafeEqual } from "node:crypto";

import type { AuditTrailQuery } from "@/lib/filters";
import { getAuthSecret } from "@/lib/server/auth/secret";
import { ApiError } from "@/lib/server/api-error";

// Every cursor we hand to a browser is sealed, and only a sealed cursor is ever opened: a cursor
// that did not come from the upstream through us, for this user, never reaches Merge, which
// blocks an IP after 20 failing requests in 10 s. The seal is an HMAC-SHA256 keyed by a key derived
// from NEXTAUTH_SECRET, over the signed-in user and the cursor; what is inside the cursor (Merge's
// DRF cursor today, any other opaque string tomorrow) is none of its business.
//
// Form: base64url(cursor) "." base64url(tag), URL-safe. A Merge cursor of 512 characters (the
// limit before sealing) seals into 683 + 1 + 43 = 727 characters: lib/filters.ts allows 1024.

const PURPOSE = "audit-trail-explorer/cursor-seal/v1";

const derivedKeys = new Map<string, Buffer>();

/** A key of its own for sealing, so a tag can never be mistaken for any other use of the secret. */
function sealKey(secret: string): Buffer {
  let key = derivedKeys.get(secret);
  if (!key) {
    key = createHmac("sha256", secret).update(PURPOSE).digest();
    derivedKeys.set(secret, key);
  }
  return key;
}

function tag(cursor: string, user: string, secret: string): Buffer {
  return createHmac("sha256", sealKey(secret)).update(`${user}\n${cursor}`).digest();
}

/** The cursor sealed for `user`: the only form in which a cursor leaves the server. */
export function sealCursor(cursor: string, user: string, secret: string = getAuthSecret()): string {
  return `${Buffer.from(cursor, "utf8").toString("base64url")}.${tag(cursor, user, secret).toString("base64url")}`;
}

/** The cursor inside `sealed`, or null when we did not seal it for `user` (forged, altered, someone else's). */
export function openCursor(sealed: string, user: string, secret: string = getAuthSecret()): string | null {
  const parts = sealed.split(".");
  if (parts.length !== 2) return null;
  const [body = "", given = ""] = parts;
  const cursor = Buffer.from(body, "base64url").toString("utf8");
  // One spelling per cursor: base64url decoding skips stray characters, so compare round trips.
  if (Buffer.from(cursor, "utf8").toString("base64url") !== body) return null;
  const expected = tag(cursor, user, secret);
  const received = Buffer.from(given, "base64url");
  if (received.length !== expected.length || received.toString("base64url") !== given) return null;
  return timingSafeEqual(received, expected) ? cursor : null;
}

/** A page's `next` and `previous`, sealed for `user`, as the browser is to get them. */
export function sealPageCursors(
  page: { next: string | null; previous: string | null },
  user: string,
  secret: string = getAuthSecret(),
): { next: string | null; previous: string | null } {
  return {
    next: page.next === null ? null : sealCursor(page.next, user, secret),
    previous: page.previous === null ? null : sealCursor(page.previous, user, secret),
  };
}

export const FOREIGN_CURSOR_MESSAGE = "This cursor was not issued to you by this server: start again from the first page";

/** The query with its sealed cursor opened for the upstream; a 400 naming `cursor` when it is not ours. */
export function openQueryCursor(query: AuditTrailQuery, user: string, secret: string = getAuthSecret()): AuditTrailQuery {
  if (query.cursor === undefined) return query;
  const cursor = openCursor(query.cursor, user, secret);
  if (cursor === null) throw new ApiError("invalid_filter", FOREIGN_CURSOR_MESSAGE, "cursor");
  return { ...query, cursor };
}
