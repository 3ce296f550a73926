import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { apiRequest, signedIn, signedOut, SIMULATOR_NOW, type RouteHandler } from "@/testing/routes";
import { serverDatabaseKinds } from "@/testing/archive-databases";

// The process's archive as a started server runs it: opened by instrumentation's startArchive()
// from the environment (so these tests, unlike route tests, set variables), its sync running
// against the embedded simulator, and read through GET /api/archive/status.

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
let folder: string;

async function startWith(env: Record<string, string>) {
  vi.unstubAllEnvs();
  const settings = {
    MERGE_API_KEY: "",
    MERGE_API_BASE_URL: "",
    SIMULATOR_NOW,
    SIMULATOR_EVENTS: "300",
    SIMULATOR_FAULTS: "",
    ARCHIVE: "",
    ARCHIVE_DIR: folder,
    DATABASE_URL: "",
    ARCHIVE_SYNC_INTERVAL_S: "1",
    ...env,
  };
  for (const [name, value] of Object.entries(settings)) vi.stubEnv(name, value);
  vi.resetModules();
  // Fresh modules for each environment; the route comes from the same graph, so errors are its own.
  const runtime = await import("./runtime");
  const { createArchiveStatusRoute } = await import("@/app/api/archive/status/create-route");
  const GET = createArchiveStatusRoute({ getSession: signedIn, readStatus: runtime.archiveStatus });
  const signedOutGET = createArchiveStatusRoute({ getSession: signedOut, readStatus: runtime.archiveStatus });
  return { runtime, GET, signedOutGET };
}

async function status(GET: RouteHandler) {
  const response = await GET(apiRequest("", { path: "/api/archive/status" }));
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), "archive-status-"));
  vi.spyOn(console, "log").mockImplementation(() => {});
  vi.spyOn(console, "error").mockImplementation(() => {});
});

afterEach(async () => {
  const { stopArchive } = await import("./runtime");
  await stopArchive();
  // The embedded simulator is the process's (globalThis): the next test starts from its own.
  globalThis.embeddedAuditTrailSimulator = undefined;
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  fs.rmSync(folder, { recursive: true, force: true });
});

describe("GET /api/archive/status", () => {
  it("answers 401 without a session", async () => {
    const { signedOutGET } = await startWith({ ARCHIVE: "off" });
    expect((await status(signedOutGET)).status).toBe(401);
  });

  it("reports the mode off, and with no sync keeps only the app's records in the database", async () => {
    const { runtime, GET } = await startWith({ ARCHIVE: "off" });
    await runtime.startArchive();
    expect(await status(GET)).toEqual({
      status: 200,
      body: {
        mode: "off",
        events: 0,
        oldest_event_at: null,
        newest_event_at: null,
        last_sync_at: null,
        lag_seconds: null,
        backfill: { complete: false, events: 0 },
        syncing_instance: null,
        last_error: null,
      },
    });
    // The access log, manifests and views still need the database (ARCHIVE_DIR here); nothing syncs into it.
    expect(fs.readdirSync(folder).sort()).toEqual(["lock", "pgdata"]);
    expect(globalThis.auditArchive?.syncer).toBeUndefined();
  });

  it("reports the embedded archive's figures in exactly the documented shape once backfilled", { timeout: 60_000 }, async () => {
    const { runtime, GET } = await startWith({});
    await runtime.startArchive();
    await expect.poll(async () => (await status(GET)).body.backfill, { timeout: 50_000 }).toEqual({ complete: true, events: 300 });
    const { body } = await status(GET);
    expect(Object.keys(body).sort()).toEqual(
      ["backfill", "events", "lag_seconds", "last_error", "last_sync_at", "mode", "newest_event_at", "oldest_event_at", "syncing_instance"],
    );
    expect(body).toMatchObject({
      mode: "embedded",
      events: 300,
      oldest_event_at: expect.stringMatching(ISO),
      newest_event_at: expect.stringMatching(ISO),
      last_sync_at: expect.stringMatching(ISO),
      lag_seconds: expect.any(Number),
      syncing_instance: `${os.hostname()}:${process.pid}`,
      last_error: null,
    });
    // The embedded archive lives in ARCHIVE_DIR.
    expect(fs.readdirSync(folder).sort()).toEqual(["lock", "pgdata"]);
  });

  it("asks for newer events when the explorer's source is nudged (opening the page), not at the next interval", { timeout: 60_000 }, async () => {
    // An interval far longer than the test: only the nudge can bring the new events in.
    const { runtime, GET } = await startWith({ ARCHIVE_SYNC_INTERVAL_S: "3600" });
    await runtime.startArchive();
    await expect.poll(async () => (await status(GET)).body.backfill, { timeout: 50_000 }).toEqual({ complete: true, events: 300 });
    // The follow right after the backfill is over (nothing stored for a second since).
    await expect.poll(async () => (await status(GET)).body.lag_seconds, { timeout: 50_000 }).toBeGreaterThanOrEqual(1);

    const { embeddedSimulator } = await import("@/lib/server/merge/embedded");
    embeddedSimulator().addEvents(3);
    const { getAuditTrailSource } = await import("@/lib/server/audit-trail-source");
    getAuditTrailSource().nudge(); // what app/page.tsx does on every render
    await expect.poll(async () => (await status(GET)).body.events, { timeout: 50_000 }).toBe(303);
  });

  it("names ARCHIVE_DIR when it cannot be used", async () => {
    const file = path.join(folder, "not-a-folder");
    fs.writeFileSync(file, "");
    const { runtime } = await startWith({ ARCHIVE_DIR: file });
    await expect(runtime.startArchive()).rejects.toThrow(/^ARCHIVE_DIR \(.*not-a-folder\) cannot be used/);
  });

  it("answers 503 archive_unavailable in words when the database server is down", async () => {
    const { runtime, GET } = await startWith({ DATABASE_URL: "postgres://postgres@127.0.0.1:9/archive" });
    await runtime.startArchive();
    const { status: code, body } = await status(GET);
    expect(code).toBe(503);
    expect(body).toEqual({ error: { code: "archive_unavailable", message: "The archive's database is not answering; retry in a moment" } });
  });

  it.each(serverDatabaseKinds())("reports the mode server on $name", { timeout: 60_000 }, async (kind) => {
    const database = await kind.create();
    try {
      const url = database.target.kind === "server" ? database.target.url : "";
      const { runtime, GET } = await startWith({ DATABASE_URL: url });
      await runtime.startArchive();
      await expect.poll(async () => (await status(GET)).body.events, { timeout: 50_000 }).toBe(300);
      expect((await status(GET)).body).toMatchObject({ mode: "server", backfill: { complete: true, events: 300 } });
      // With a server, nothing is written to ARCHIVE_DIR.
      expect(fs.readdirSync(folder)).toEqual([]);
      await runtime.stopArchive();
    } finally {
      await database.drop();
    }
  });
});
