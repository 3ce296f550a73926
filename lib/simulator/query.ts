// Merge-side validation of the audit-trail query, answering like DRF and django-filter do: every bad
// field is reported at once as {"field": ["message"]}. Choices where Merge documents nothing:
// - start_date / end_date are exclusive ("after" / "before", as the docs word it); date-only values
//   mean midnight UTC, values without a zone are UTC; start after end simply matches nothing.
// - user_email matches case-insensitively and must look like an email; event_type is an exact,
//   case-sensitive match and any code is accepted (an unknown one matches nothing).
// - page_size must be an integer >= 1 (DRF would silently use the default); above 100 it is capped.
// - Unknown parameters are ignored, an empty value means "not set", a repeated one uses the last value.

import type { Cursor } from "./cursor";
import { decodeCursor } from "./cursor";
import type { Filters } from "./selection";
import { parseDateTime } from "./time";

export const DEFAULT_PAGE_SIZE = 30;
export const MAX_PAGE_SIZE = 100;

export type FieldErrors = Record<string, string[]>;

export type ParsedQuery =
  | { kind: "ok"; filters: Filters; pageSize: number; cursor: Cursor | null }
  | { kind: "invalid"; errors: FieldErrors }
  | { kind: "invalid_cursor" };

// Django's EmailValidator, simplified: a local part, an @, a dotted domain.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function value(params: URLSearchParams, key: string): string | undefined {
  const values = params.getAll(key);
  const last = values.at(-1);
  return last === undefined || last.trim() === "" ? undefined : last.trim();
}

export function parseSimulatorQuery(params: URLSearchParams): ParsedQuery {
  const errors: FieldErrors = {};
  const filters: Filters = {};

  const email = value(params, "user_email");
  if (email !== undefined) {
    if (EMAIL.test(email)) filters.userEmail = email.toLowerCase();
    else errors.user_email = ["Enter a valid email address."];
  }
  const eventType = value(params, "event_type");
  if (eventType !== undefined) filters.eventType = eventType;

  for (const [key, field] of [
    ["start_date", "after"],
    ["end_date", "before"],
  ] as const) {
    const text = value(params, key);
    if (text === undefined) continue;
    const micros = parseDateTime(text);
    if (micros === null) errors[key] = ["Enter a valid date/time."];
    else filters[field] = micros;
  }

  let pageSize = DEFAULT_PAGE_SIZE;
  const sizeText = value(params, "page_size");
  if (sizeText !== undefined) {
    if (!/^[+-]?\d+$/.test(sizeText)) errors.page_size = ["A valid integer is required."];
    else if (Number(sizeText) < 1) errors.page_size = ["Ensure this value is greater than or equal to 1."];
    else pageSize = Math.min(MAX_PAGE_SIZE, Number(sizeText));
  }

  if (Object.keys(errors).length > 0) return { kind: "invalid", errors };

  // Filters are validated before the cursor is decoded, as in DRF (filter, then paginate).
  const token = value(params, "cursor");
  if (token === undefined) return { kind: "ok", filters, pageSize, cursor: null };
  const cursor = decodeCursor(token);
  return cursor ? { kind: "ok", filters, pageSize, cursor } : { kind: "invalid_cursor" };
}
