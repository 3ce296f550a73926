import { afterEach, describe, expect, it, vi } from "vitest";

import { openArchiveDatabase } from "@/lib/server/archive/database";
import { testDatabaseKinds } from "@/testing/archive-databases";

import { listAccessLog, verifyAccessLog } from "./access-log-store";
import { createAccessRecorder, requestOrigin } from "./access-recorder";

const entry = { user_email: "ada@acme.test", action: "view" as const, detail: { url: "/" }, ip: "192.0.2.1", user_agent: "UA" };

afterEach(() => vi.restoreAllMocks());

describe("the access recorder", () => {
  it("never rejects when the database is down: the entry goes to the server log, and the caller learns it", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    vi.spyOn(console, "error").mockImplementation(() => {});
    const record = createAccessRecorder(() => Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:5432")));
    await expect(record(entry)).resolves.toBe(false);
    const written = [...log.mock.calls, ...vi.mocked(console.error).mock.calls].map((args) => args.join(" ")).join("\n");
    expect(written).toContain("An access-log entry could not be stored in the database");
    expect(written).toContain('"url":"/"');
    expect(written).toContain("ECONNREFUSED");
  });

  it("gives up on a database that never answers, rather than hold the action", async () => {
    vi.spyOn(console, "log").mockImplementation(() => {});
    vi.spyOn(console, "error").mockImplementation(() => {});
    const record = createAccessRecorder(() => new Promise(() => {}));
    await expect(record(entry)).resolves.toBe(false);
  });
});

describe.each(testDatabaseKinds())("the access recorder on $name", (kind) => {
  it("stores every entry of a burst, in the order they came, on one intact chain", async () => {
    const testDb = await kind.create();
    const database = await openArchiveDatabase(testDb.target);
    try {
      const record = createAccessRecorder(async () => database.db);
      const burst = Array.from({ length: 60 }, (_, n) => ({ ...entry, detail: { n } }));
      expect(await Promise.all(burst.map((one) => record(one)))).toEqual(burst.map(() => true));
      // And later ones, after the burst's appends have started.
      expect(await Promise.all([record({ ...entry, detail: { n: 60 } }), record({ ...entry, detail: { n: 61 } })])).toEqual([true, true]);

      const listed = (await listAccessLog(database.db, {}, 100)).results.reverse();
      expect(listed.map((row) => row.detail)).toEqual(Array.from({ length: 62 }, (_, n) => ({ n })));
      expect(listed.map((row) => row.id)).toEqual(Array.from({ length: 62 }, (_, n) => String(n + 1)));
      const times = listed.map((row) => row.at);
      expect(times).toEqual([...times].sort());
      expect(await verifyAccessLog(database.db)).toEqual({ ok: true, checked: 62, first_broken_id: null });
    } finally {
      await database.close();
      await testDb.drop();
    }
  }, 60_000);
});

describe("requestOrigin", () => {
  it("takes the last X-Forwarded-For hop (the one the nearest proxy, or Next, added) and the user agent", () => {
    const headers = new Headers({ "x-forwarded-for": "10.0.0.1, 203.0.113.5", "user-agent": "Chromium" });
    expect(requestOrigin(headers)).toEqual({ ip: "203.0.113.5", user_agent: "Chromium" });
    expect(requestOrigin(new Headers())).toEqual({ ip: null, user_agent: null });
  });
});
