import { describe, expect, it } from "vitest";

import { ApiError } from "@/lib/server/api-error";
import { encodeCursor } from "@/lib/simulator/cursor";
import { parseAuditTrailQuery, QUERY_KEYS } from "@/lib/filters";

import { openCursor, openQueryCursor, sealCursor, sealPageCursors } from "./cursor-seal";

const SECRET = "seal-test-secret-0123456789abcdef0123456789";
const ALICE = "alice@example.com";
// The longest cursor lib/filters.ts accepted before sealing, and a typical Merge (DRF) cursor.
const LONGEST = "A".repeat(512);
const MERGE_CURSOR = encodeCursor({ position: 1_732_000_000_123_456, offset: 2, reverse: true });

describe("sealCursor and openCursor", () => {
  it("round-trips any cursor, whatever is inside, for the user it was sealed for", () => {
    for (const cursor of [MERGE_CURSOR, "cj0xJnA9MjAyNg==", "ab+/cd8=", "keyset:2026-11-28T09:00:00Z/42", "é✓", LONGEST]) {
      expect(openCursor(sealCursor(cursor, ALICE, SECRET), ALICE, SECRET)).toBe(cursor);
    }
  });

  it("gives a URL-safe token within the query schema's limit", () => {
    const sealed = sealCursor(LONGEST, ALICE, SECRET);
    expect(sealed).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(encodeURIComponent(sealed)).toBe(sealed);
    expect(parseAuditTrailQuery(new URLSearchParams({ cursor: sealed }), { allow: QUERY_KEYS })).toEqual({
      ok: true,
      value: { cursor: sealed },
    });
  });

  it("refuses a cursor Merge issued but we did not seal, another user's, another key's, and any alteration", () => {
    const sealed = sealCursor(MERGE_CURSOR, ALICE, SECRET);
    const [body = "", tag = ""] = sealed.split(".");
    const otherBody = Buffer.from(encodeCursor({ position: 1, offset: 0, reverse: false })).toString("base64url");
    for (const candidate of [
      MERGE_CURSOR,
      Buffer.from(MERGE_CURSOR).toString("base64url"),
      `${otherBody}.${tag}`,
      `${body}.${tag.slice(0, -1)}`,
      `${body}.${tag}A`,
      `${body}.${tag}.x`,
      `${body}x.${tag}`,
      `${body}.`,
      `.${tag}`,
      "",
    ]) {
      expect(openCursor(candidate, ALICE, SECRET), candidate).toBeNull();
    }
    expect(openCursor(sealed, "bob@example.com", SECRET)).toBeNull();
    expect(openCursor(sealed, ALICE, `${SECRET}-rotated`)).toBeNull();
  });
});

describe("sealPageCursors and openQueryCursor", () => {
  it("seals both cursors of a page, leaving the ends of the trail as null", () => {
    const sealed = sealPageCursors({ next: MERGE_CURSOR, previous: null }, ALICE);
    expect(sealed.previous).toBeNull();
    expect(openQueryCursor({ cursor: sealed.next ?? "" }, ALICE)).toEqual({ cursor: MERGE_CURSOR });
  });

  it("answers a cursor that is not ours with a 400 naming cursor", () => {
    const refuse = () => openQueryCursor({ user_email: { include: ["a@b.com"], exclude: [] }, cursor: Buffer.from(MERGE_CURSOR).toString("base64url") }, ALICE);
    expect(refuse).toThrow(ApiError);
    expect(refuse).toThrow(expect.objectContaining({ code: "invalid_filter", field: "cursor" }));
  });

  it("leaves a first page alone", () => {
    expect(openQueryCursor({ user_email: { include: ["a@b.com"], exclude: [] } }, ALICE)).toEqual({ user_email: { include: ["a@b.com"], exclude: [] } });
  });
});
