import { NextRequest } from "next/server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import type { AccessLogPage } from "@/lib/access-log";
import { testDatabaseKinds } from "@/testing/archive-databases";
import { appendAccessLog, openTestRecords, type TestRecords } from "@/testing/records";
import { apiRequest, signedInAs, signedOut } from "@/testing/routes";

import { createAccessLogRoute } from "./create-route";
import { createEventOpenedRoute } from "./event-opened/create-route";
import { createAccessLogExportRoute } from "./export/create-route";
import { createVerifyRoute } from "./verify/create-route";

const ADMIN = "lead@acme.test";
const ADA = "ada@acme.test";
const BOB = "bob@acme.test";

describe.each(testDatabaseKinds())("the access log's routes on $name", (kind) => {
  let records: TestRecords;

  beforeEach(async () => {
    records = await openTestRecords(kind, [ADMIN]);
    const db = await records.database();
    for (const [i, user] of [ADA, BOB, ADA, BOB].entries()) {
      await appendAccessLog(db, { user_email: user, action: i < 2 ? "sign_in" : "view", detail: { n: i }, ip: "203.0.113.9", user_agent: "UA" });
    }
  }, 60_000);

  afterEach(() => records.close(), 60_000);

  const list = async (email: string, search = "") => {
    const response = await createAccessLogRoute({ getSession: signedInAs(email), records })(apiRequest(search, { path: "/api/access-log" }));
    return { status: response.status, body: (await response.json()) as AccessLogPage & { error?: { code: string; field?: string } } };
  };

  it("answers the documented shape, newest first; an admin sees everyone", async () => {
    const { status, body } = await list(ADMIN);
    expect(status).toBe(200);
    expect(body.results.map((entry) => [entry.id, entry.user_email])).toEqual([["4", BOB], ["3", ADA], ["2", BOB], ["1", ADA]]);
    expect(Object.keys(body.results[0]!).sort()).toEqual(["action", "at", "detail", "hash", "id", "ip", "prev_hash", "user_agent", "user_email"]);
    expect(body.next).toBeNull();
  });

  it("shows anyone else only their own entries, and refuses another user's", async () => {
    expect((await list(ADA)).body.results.map((entry) => entry.user_email)).toEqual([ADA, ADA]);
    expect((await list(ADA, `user_email=${encodeURIComponent(BOB)}`)).status).toBe(403);
    expect((await list(ADMIN, `user_email=${encodeURIComponent(BOB)}&action=view`)).body.results.map((entry) => entry.id)).toEqual(["4"]);
  });

  it("refuses a bad filter with a 400 naming the field", async () => {
    for (const [search, field] of [
      ["action=deleted", "action"],
      ["user_email=nope", "user_email"],
      ["start_date=yesterday", "start_date"],
      ["start_date=2026-12-02T00:00:00Z&end_date=2026-12-01T00:00:00Z", "end_date"],
      ["cursor=abc", "cursor"],
      ["page=2", "page"],
    ]) {
      const { status, body } = await list(ADMIN, search);
      expect({ search, status, error: body.error }).toMatchObject({ search, status: 400, error: { code: "invalid_filter", field } });
    }
  });

  it("answers 401 without a session", async () => {
    expect((await createAccessLogRoute({ getSession: signedOut, records })(apiRequest("", { path: "/api/access-log" }))).status).toBe(401);
  });

  it("verifies the chain for admins only", async () => {
    const verify = (email: string) => createVerifyRoute({ getSession: signedInAs(email), records })(apiRequest("", { path: "/api/access-log/verify" }));
    const response = await verify(ADMIN);
    expect(await response.json()).toEqual({ ok: true, checked: 4, first_broken_id: null });
    expect((await verify(ADA)).status).toBe(403);
  });

  it("exports what the reader may see as CSV, and records the export after it", async () => {
    const response = await createAccessLogExportRoute({ getSession: signedInAs(ADA), records })(
      apiRequest("action=view", { path: "/api/access-log/export" }),
    );
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await response.arrayBuffer());
    // UTF-8 with a byte order mark, as the events' CSV.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).trim().split("\r\n");
    expect(lines[0]).toBe("ID,Time,User Email,Action,Detail,IP Address,User Agent,Previous Hash,Hash");
    expect(lines.slice(1).map((line) => line.split(",")[0])).toEqual(["3"]);
    const { body } = await list(ADA, "action=access_log_exported");
    expect(body.results).toMatchObject([{ user_email: ADA, detail: { count: 1, filters: { action: "view", user_email: ADA } } }]);
  });

  it("records an opened event as the signed-in user, with the request's address and browser", async () => {
    const request = new NextRequest("http://127.0.0.1:3000/api/access-log/event-opened", {
      method: "POST",
      body: JSON.stringify({ event_id: "evt_123" }),
      headers: { "user-agent": "Chromium", "x-forwarded-for": "198.51.100.1, 192.0.2.44" },
    });
    const response = await createEventOpenedRoute({ getSession: signedInAs(BOB), records })(request);
    expect(await response.json()).toEqual({ recorded: true });
    const { body } = await list(BOB, "action=event_opened");
    expect(body.results).toMatchObject([{ user_email: BOB, detail: { event_id: "evt_123" }, ip: "192.0.2.44", user_agent: "Chromium" }]);
    const bad = await createEventOpenedRoute({ getSession: signedInAs(BOB), records })(
      new NextRequest("http://127.0.0.1:3000/api/access-log/event-opened", { method: "POST", body: "{}" }),
    );
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: "invalid_filter", field: "event_id" } });
  });
});
