import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { appendAccessLog } from "@/testing/records";
import { testDatabaseKinds, type TestDatabase } from "@/testing/archive-databases";
import { openArchiveDatabase, type ArchiveDatabase } from "@/lib/server/archive/database";

import { accessLogEntryHash } from "./access-log-hash";
import { listAccessLog, verifyAccessLog, type NewAccessLogEntry } from "./access-log-store";

const HOOK_TIMEOUT_MS = 60_000;
/** Drizzle wraps the database's error; the trigger's words are in its cause. */
const REFUSED = { cause: expect.objectContaining({ message: expect.stringMatching(/^access_log is append-only/) }) };

const entry = (user_email: string, action: NewAccessLogEntry["action"], detail: Record<string, unknown> = {}): NewAccessLogEntry => ({
  user_email,
  action,
  detail,
  ip: "203.0.113.7",
  user_agent: "Vitest",
});

describe.each(testDatabaseKinds())("the access log on $name", (kind) => {
  let testDb: TestDatabase;
  let database: ArchiveDatabase;

  beforeEach(async () => {
    testDb = await kind.create();
    database = await openArchiveDatabase(testDb.target);
  }, HOOK_TIMEOUT_MS);

  afterEach(async () => {
    await database.close();
    await testDb.drop();
  }, HOOK_TIMEOUT_MS);

  /** What a superuser who switches the trigger off can do, as a tamperer would. */
  async function tamper(statement: string) {
    await database.db.execute(sql.raw("alter table access_log disable trigger access_log_append_only"));
    await database.db.execute(sql.raw(statement));
    await database.db.execute(sql.raw("alter table access_log enable trigger access_log_append_only"));
  }

  it("chains each entry to the one before, and lists them newest first with every field", async () => {
    await appendAccessLog(database.db, entry("ada@acme.test", "sign_in"), new Date("2026-12-01T10:00:00.123Z"));
    await appendAccessLog(database.db, entry("bob@acme.test", "view", { url: "/?user_email=x%40acme.test" }), new Date("2026-12-01T10:05:00Z"));
    const page = await listAccessLog(database.db, {}, 10);
    expect(page.next).toBeNull();
    const [second, first] = page.results;
    expect(first).toMatchObject({ id: "1", at: "2026-12-01T10:00:00.123Z", user_email: "ada@acme.test", action: "sign_in", prev_hash: null });
    expect(second).toMatchObject({ id: "2", at: "2026-12-01T10:05:00.000Z", detail: { url: "/?user_email=x%40acme.test" }, prev_hash: first!.hash });
    // Anyone can recompute a hash from the listed fields (README, "For auditors").
    expect(second!.hash).toBe(accessLogEntryHash({ ...second!, id: 2, detail: JSON.stringify(second!.detail) }));
    expect(await verifyAccessLog(database.db)).toEqual({ ok: true, checked: 2, first_broken_id: null });
  });

  it("filters by user (any case), action and date range, and pages by keyset without gaps or repeats", async () => {
    for (let i = 0; i < 7; i += 1) {
      const user = i % 2 === 0 ? "ada@acme.test" : "bob@acme.test";
      await appendAccessLog(database.db, entry(user, i < 5 ? "view" : "export"), new Date(Date.UTC(2026, 11, 1, i)));
    }
    const ada = await listAccessLog(database.db, { user_email: "ADA@acme.test" }, 10);
    expect(ada.results.map((row) => row.id)).toEqual(["7", "5", "3", "1"]);
    expect((await listAccessLog(database.db, { action: "export" }, 10)).results.map((row) => row.id)).toEqual(["7", "6"]);
    const range = await listAccessLog(database.db, { start_date: "2026-12-01T02:00:00.000Z", end_date: "2026-12-01T04:00:00.000Z" }, 10);
    expect(range.results.map((row) => row.id)).toEqual(["5", "4", "3"]);
    const first = await listAccessLog(database.db, {}, 3);
    const second = await listAccessLog(database.db, { cursor: first.next! }, 3);
    const third = await listAccessLog(database.db, { cursor: second.next! }, 3);
    expect([...first.results, ...second.results, ...third.results].map((row) => row.id)).toEqual(["7", "6", "5", "4", "3", "2", "1"]);
    expect(third.next).toBeNull();
  });

  it("refuses UPDATE, DELETE and TRUNCATE", async () => {
    await appendAccessLog(database.db, entry("ada@acme.test", "sign_in"));
    await expect(database.db.execute(sql`update access_log set user_email = 'eve@acme.test'`)).rejects.toMatchObject(REFUSED);
    await expect(database.db.execute(sql`delete from access_log`)).rejects.toMatchObject(REFUSED);
    await expect(database.db.execute(sql`truncate access_log`)).rejects.toMatchObject(REFUSED);
    expect((await listAccessLog(database.db, {}, 10)).results).toHaveLength(1);
  });

  describe("Verify names the first broken link", () => {
    beforeEach(async () => {
      for (let i = 0; i < 5; i += 1) await appendAccessLog(database.db, entry("ada@acme.test", "view", { n: i }));
    });

    it("of a row whose fields were edited", async () => {
      await tamper("update access_log set user_email = 'eve@acme.test' where id = 3");
      expect(await verifyAccessLog(database.db)).toEqual({ ok: false, checked: 3, first_broken_id: "3" });
    });

    it("after a row edited with its hash recomputed (the next row no longer links to it)", async () => {
      const [row] = (await listAccessLog(database.db, { cursor: "4" }, 1)).results;
      const forged = accessLogEntryHash({ ...row!, id: 3, detail: JSON.stringify(row!.detail), user_email: "eve@acme.test" });
      await tamper(`update access_log set user_email = 'eve@acme.test', hash = '${forged}' where id = 3`);
      expect(await verifyAccessLog(database.db)).toMatchObject({ ok: false, first_broken_id: "4" });
    });

    it("of a deleted row", async () => {
      await tamper("delete from access_log where id = 2");
      expect(await verifyAccessLog(database.db)).toMatchObject({ ok: false, first_broken_id: "3" });
    });

    it("of rows cut from the end", async () => {
      await tamper("delete from access_log where id >= 4");
      expect(await verifyAccessLog(database.db)).toMatchObject({ ok: false, first_broken_id: "4" });
    });
  });

  it("keeps one chain when two instances append at once", async () => {
    // A second handle on the same database: on PostgreSQL, another app instance's pool.
    const other = kind.name === "PostgreSQL" ? await openArchiveDatabase(testDb.target) : database;
    try {
      await Promise.all(
        Array.from({ length: 20 }, (_, i) => appendAccessLog((i % 2 === 0 ? database : other).db, entry(`u${i}@acme.test`, "view"))),
      );
    } finally {
      if (other !== database) await other.close();
    }
    expect(await verifyAccessLog(database.db)).toEqual({ ok: true, checked: 20, first_broken_id: null });
    expect((await listAccessLog(database.db, {}, 50)).results.map((row) => row.id)).toEqual(
      Array.from({ length: 20 }, (_, i) => String(20 - i)),
    );
  });

  it("keeps one chain when instances take turns, each having appended last before the other", async () => {
    // Each handle remembers the head its last append left; the other instance has moved it since.
    const other = kind.name === "PostgreSQL" ? await openArchiveDatabase(testDb.target) : database;
    try {
      for (let i = 0; i < 6; i += 1) {
        await appendAccessLog((i % 2 === 0 ? database : other).db, entry(`u${i}@acme.test`, "view"));
        if (i % 2 === 1) await appendAccessLog(other.db, entry(`again${i}@acme.test`, "view"));
      }
    } finally {
      if (other !== database) await other.close();
    }
    expect(await verifyAccessLog(database.db)).toEqual({ ok: true, checked: 9, first_broken_id: null });
    expect((await listAccessLog(database.db, {}, 50)).results.map((row) => row.user_email).reverse()).toEqual([
      "u0@acme.test",
      "u1@acme.test",
      "again1@acme.test",
      "u2@acme.test",
      "u3@acme.test",
      "again3@acme.test",
      "u4@acme.test",
      "u5@acme.test",
      "again5@acme.test",
    ]);
  });

  it("keeps one chain when many appends race", async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => appendAccessLog(database.db, entry(`u${i}@acme.test`, "view"))));
    expect(await verifyAccessLog(database.db)).toEqual({ ok: true, checked: 20, first_broken_id: null });
  });
});
