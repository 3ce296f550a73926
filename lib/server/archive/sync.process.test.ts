import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterEach, describe, expect, it } from "vitest";

import { createSimulator, type Simulator } from "@/lib/simulator";
import { serveSimulator, type RunningServer } from "@/lib/simulator/node-server";
import { serverDatabaseKinds, type TestDatabase } from "@/testing/archive-databases";
import { archivedTrail, simulatorTrail } from "@/testing/archive-sync";

import { openArchiveDatabase } from "./database";
import type { ArchiveFigures } from "./store";

// The archive's sync as separate processes see it: killed with SIGKILL mid-backfill and started
// again, it resumes and ends with the simulator's walk; two processes on one PostgreSQL database
// take turns, and a nudge on the one that does not sync reaches the one that does. Each child is testing/archive-sync-process.ts against a standalone simulator.

type Status = ArchiveFigures & { syncing: boolean; instance: string };
type Child = { process: ChildProcess; latest(): Status | undefined; nudge(): void; stop(): Promise<void>; kill(): Promise<void> };

const SLOW = { timeout: 120_000 };
const running: Child[] = [];
let upstream: { simulator: Simulator; server: RunningServer; asked: URL[] } | undefined;
let folder: string | undefined;
let database: TestDatabase | undefined;

afterEach(async () => {
  for (const child of running.splice(0)) await child.kill();
  upstream?.simulator.close();
  await upstream?.server.close();
  await database?.drop();
  if (folder) fs.rmSync(folder, { recursive: true, force: true });
  upstream = undefined;
  database = undefined;
  folder = undefined;
});

async function startUpstream(events: number, options: { faults?: string; liveEventsPerMinute?: number; latencyMs?: number } = {}) {
  // A little latency per page, so a backfill lasts long enough to be cut short.
  const simulator = createSimulator({ now: "2026-11-28T12:00:00Z", events, latencyMs: 15, ...options });
  const asked: URL[] = [];
  const watched: Simulator = {
    ...simulator,
    handle: (request) => {
      asked.push(new URL(request.url));
      return simulator.handle(request);
    },
  };
  upstream = { simulator, server: await serveSimulator(watched, 0), asked };
  return upstream;
}

function startChild(env: Record<string, string>): Child {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "testing/archive-sync-process.ts"], {
    env: {
      ...process.env,
      MERGE_API_BASE_URL: `${upstream!.server.url}/api`,
      MERGE_API_KEY: upstream!.simulator.options.apiKey,
      ARCHIVE_SYNC_INTERVAL_S: "1",
      ...env,
    },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let latest: Status | undefined;
  let buffered = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split("\n");
    buffered = lines.pop() ?? "";
    for (const line of lines) if (line.startsWith("{\"events\"")) latest = JSON.parse(line) as Status;
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const handle: Child = {
    process: child,
    latest: () => latest,
    nudge: () => child.stdin!.write("nudge\n"),
    async stop() {
      child.stdin!.write("stop\n");
      await exited;
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
  };
  running.push(handle);
  return handle;
}

describe("the archive's sync in its own process", () => {
  it("resumes an embedded backfill after SIGKILL and ends with the simulator's walk", SLOW, async () => {
    const { simulator, asked } = await startUpstream(3000);
    folder = fs.mkdtempSync(path.join(os.tmpdir(), "archive-kill-"));
    const env = { ARCHIVE_DIR: folder, DATABASE_URL: "" };

    const first = startChild(env);
    await expect.poll(() => first.latest()?.backfill.events ?? 0, SLOW).toBeGreaterThanOrEqual(500);
    await first.kill();
    const stored = first.latest()!.backfill.events;
    const before = asked.length;

    const second = startChild(env);
    await expect.poll(() => second.latest()?.backfill.complete, SLOW).toBe(true);
    await second.stop();
    // Resumed, not started over: the second process asked only for the pages that were left (its
    // first from the stored cursor), and follow for the rest (`start_date`).
    const backfillAsked = asked.slice(before).filter((url) => !url.searchParams.has("start_date"));
    expect(backfillAsked[0]?.searchParams.get("cursor")).toEqual(expect.any(String));
    expect(backfillAsked.filter((url) => !url.searchParams.has("cursor"))).toEqual([]);
    // Counted as distinct pages: a read-ahead cancelled under load asks its page again.
    const pages = new Set(backfillAsked.map((url) => url.searchParams.get("cursor")));
    expect(pages.size).toBeLessThanOrEqual(30 - stored / 100 + 1);

    const archive = await openArchiveDatabase({ kind: "embedded", dir: folder });
    try {
      expect(await archivedTrail(archive.db)).toEqual(simulatorTrail(simulator));
    } finally {
      await archive.close();
    }
  });

  it("loses and doubles nothing through the standalone simulator's faults: 429, 5xx, a hang, malformed pages", SLOW, async () => {
    const { simulator } = await startUpstream(2000, { faults: "429:1@3,500@5,hang@7,malformed@9,502@11,wrong-shape@13,503@15" });
    folder = fs.mkdtempSync(path.join(os.tmpdir(), "archive-faults-"));
    const child = startChild({ ARCHIVE_DIR: folder, DATABASE_URL: "" });
    await expect.poll(() => child.latest()?.backfill.complete, SLOW).toBe(true);
    await expect.poll(() => child.latest()?.last_error, SLOW).toBe(null);
    await child.stop();
    expect(child.latest()?.events).toBe(2000);
    const archive = await openArchiveDatabase({ kind: "embedded", dir: folder });
    try {
      expect(await archivedTrail(archive.db)).toEqual(simulatorTrail(simulator));
    } finally {
      await archive.close();
    }
  });

  it("follows the standalone simulator's live events as they arrive", SLOW, async () => {
    // No latency: closing the simulator (to stop arrivals) fails the requests it is delaying.
    const { simulator } = await startUpstream(300, { liveEventsPerMinute: 1200, latencyMs: 0 });
    folder = fs.mkdtempSync(path.join(os.tmpdir(), "archive-live-"));
    const child = startChild({ ARCHIVE_DIR: folder, DATABASE_URL: "" });
    await expect.poll(() => child.latest()?.backfill.complete, SLOW).toBe(true);
    await expect.poll(() => child.latest()?.events ?? 0, SLOW).toBeGreaterThanOrEqual(320);
    simulator.close(); // no more arrivals: the archive catches up and equals the trail
    await expect.poll(() => child.latest()?.events, SLOW).toBe(simulator.size());
    await child.stop();
    const archive = await openArchiveDatabase({ kind: "embedded", dir: folder });
    try {
      expect(await archivedTrail(archive.db)).toEqual(simulatorTrail(simulator));
    } finally {
      await archive.close();
    }
  });

  it.each(serverDatabaseKinds())("lets one of two processes sync on $name, and the other take over when it is killed", SLOW, async (kind) => {
    const { simulator } = await startUpstream(3000);
    database = await kind.create();
    const env = { DATABASE_URL: database.target.kind === "server" ? database.target.url : "" };
    const a = startChild(env);
    const b = startChild(env);
    await expect.poll(() => a.latest()?.syncing || b.latest()?.syncing, SLOW).toBe(true);
    const [holder, other] = a.latest()?.syncing ? [a, b] : [b, a];
    await expect.poll(() => other.latest()?.syncing, SLOW).toBe(false);
    expect(holder.latest()?.syncing_instance).toBe(holder.latest()?.instance);

    await holder.kill();
    await expect.poll(() => other.latest()?.syncing, SLOW).toBe(true);
    await expect.poll(() => other.latest()?.backfill.complete, SLOW).toBe(true);
    await other.kill();

    const archive = await openArchiveDatabase(database.target);
    try {
      expect(await archivedTrail(archive.db)).toEqual(simulatorTrail(simulator));
    } finally {
      await archive.close();
    }
  });

  it.each(serverDatabaseKinds())("brings new events in when the process that does not sync is nudged, on $name", SLOW, async (kind) => {
    const { simulator, asked } = await startUpstream(300);
    database = await kind.create();
    // An interval far longer than the test: only the nudge can bring the new events in.
    const env = { DATABASE_URL: database.target.kind === "server" ? database.target.url : "", ARCHIVE_SYNC_INTERVAL_S: "600" };
    const a = startChild(env);
    const b = startChild(env);
    await expect.poll(() => a.latest()?.backfill.complete && b.latest() !== undefined, SLOW).toBe(true);
    const [holder, other] = a.latest()?.syncing ? [a, b] : [b, a];
    expect(other.latest()?.syncing).toBe(false);
    // The holder follows once right after the backfill; the new events must come after that walk
    // has ended (asked, and nothing stored for a second since).
    await expect.poll(() => asked.filter((url) => url.searchParams.has("start_date")).length, SLOW).toBeGreaterThan(0);
    await expect.poll(() => holder.latest()?.lag_seconds, SLOW).toBeGreaterThanOrEqual(1);

    simulator.addEvents(3);
    other.nudge();
    await expect.poll(() => holder.latest()?.events, SLOW).toBe(303);
    await Promise.all([a.kill(), b.kill()]);
    const archive = await openArchiveDatabase(database.target);
    try {
      expect(await archivedTrail(archive.db)).toEqual(simulatorTrail(simulator));
    } finally {
      await archive.close();
    }
  });
});
