// Merge's cursors are Django REST Framework's: standard base64 of a urlencoded query string with
// `o` (offset, omitted when 0), `r` (1 for a `previous` cursor, omitted otherwise) and `p` (the
// position: created_at as Python prints it). Clients must treat them as opaque; we mirror the format
// so nothing in the dashboard can come to rely on a private one.

import { formatPosition, parseDateTime } from "./time";

export type Cursor = {
  /** created_at in microseconds; null means "from the newest event". */
  position: number | null;
  /** How many events sharing that exact created_at to skip. */
  offset: number;
  reverse: boolean;
};

export function encodeCursor(cursor: Cursor): string {
  const tokens = new URLSearchParams();
  if (cursor.offset !== 0) tokens.set("o", String(cursor.offset));
  if (cursor.reverse) tokens.set("r", "1");
  if (cursor.position !== null) tokens.set("p", formatPosition(cursor.position));
  return btoa(tokens.toString());
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The cursor, or null when the token cannot be one (the API then answers 404 "Invalid cursor"). */
export function decodeCursor(token: string): Cursor | null {
  if (!BASE64.test(token)) return null;
  const tokens = new URLSearchParams(atob(token));
  const offsetText = tokens.get("o") ?? "0";
  const reverseText = tokens.get("r") ?? "0";
  const positionText = tokens.get("p");
  if (!/^\d{1,9}$/.test(offsetText) || !/^[01]$/.test(reverseText)) return null;
  const position = positionText === null ? null : parseDateTime(positionText);
  if (positionText !== null && position === null) return null;
  return { position, offset: Number(offsetText), reverse: reverseText === "1" };
}
