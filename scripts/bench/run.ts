import type { Browser } from "@playwright/test";

import { waitForLogLine } from "./app-log";
import { measureBackfill, type ArchiveApp } from "./archive-backfill";
import { measureArchiveReads } from "./archive-reads";
import { measureArchiveScale } from "./archive-scale";
import { createArchive, dropArchives } from "./archive-targets";
import { launchBrowser } from "./browser";
import { measureExport } from "./export";
import { measureFirstLoadJs } from "./first-load-js";
import { measureFirstRow } from "./first-row";
import { LOG_DIR, stopAll } from "../../testing/processes";
import { measureProxyOverhead } from "./proxy-overhead";
import { machineLine, markdownTable, writeJson, type Row, type Section } from "./report";
import { measureScrolling } from "./scrolling";
import { buildApp, snapshotCommit, snapshotHead, startApp, startSimulator, type App, type Simulator } from "./servers";
import { signIn, type Session } from "./session";
import { measureSimulatorScale } from "./simulator-scale";

// `npm run bench`: builds the production app of the committed HEAD into .next-bench-src/.next-bench,
// runs it against the standalone simulator, measures each figure beside a baseline from the same
// run, prints a Markdown table and writes bench-results.json. Options: --only=<section,...> to run
// some sections, --no-build to reuse the last snapshot and build. Every section has a time limit,
// past which it is reported as failed and the run goes on.

const EXPORT_EVENTS = 200_000;
const FIRST_ROW_LATENCY_MS = 50;
const RESULTS_FILE = "bench-results.json";
const SECTIONS = [
  "simulator-scale",
  "proxy",
  "first-load-js",
  "scrolling",
  "export",
  "archive-backfill",
  "archive-reads",
  "archive-scale",
  "first-row",
] as const;
type SectionName = (typeof SECTIONS)[number];

/** How long each section may take, starting the servers it needs included, in seconds. */
const SECTION_LIMIT_S: Record<SectionName, number> = {
  "simulator-scale": 120,
  proxy: 300,
  "first-load-js": 300,
  scrolling: 180,
  export: 600,
  "archive-backfill": 600,
  "archive-reads": 180,
  "archive-scale": 1500,
  "first-row": 300,
};

function parseArgs(argv: string[]): { only: Set<SectionName>; build: boolean } {
  const onlyArg = argv.find((arg) => arg.startsWith("--only="));
  const only = new Set((onlyArg ? onlyArg.slice("--only=".length).split(",") : SECTIONS) as SectionName[]);
  for (const name of only) if (!SECTIONS.includes(name)) throw new Error(`Unknown section "${name}": use ${SECTIONS.join(", ")}`);
  return { only, build: !argv.includes("--no-build") };
}

const progress = (message: string) => process.stderr.write(`[bench] ${message}\n`);

type Measured = { rows: Row[]; details?: unknown };

/** Starts something once, on first use, so a failed start fails each section that needs it. */
function once<T>(start: () => Promise<T>): () => Promise<T> {
  let started: Promise<T> | undefined;
  return () => (started ??= start());
}

async function main(): Promise<number> {
  const { only, build } = parseArgs(process.argv.slice(2));
  const startedAt = performance.now();
  const machine = machineLine();
  const commit = build ? snapshotHead() : snapshotCommit();
  progress(`benchmarking commit ${commit}`);
  const sections: Section[] = [];
  let browser: Browser | undefined;

  const section = async (name: SectionName, measure: () => Promise<Measured>) => {
    if (!only.has(name)) return;
    progress(`${name}...`);
    const t0 = performance.now();
    try {
      const limitS = SECTION_LIMIT_S[name];
      let timer: NodeJS.Timeout | undefined;
      const overrun = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`stopped after its limit of ${limitS} s`)), limitS * 1000);
      });
      const result = await Promise.race([measure(), overrun]).finally(() => clearTimeout(timer));
      sections.push({ name, ...result, seconds: (performance.now() - t0) / 1000 });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      progress(`${name} failed: ${message}`);
      sections.push({ name, rows: [], error: message, seconds: (performance.now() - t0) / 1000 });
    }
    progress(`${name} done in ${Math.round((performance.now() - t0) / 1000)} s`);
  };

  const built = once(async () => {
    if (!build) return;
    progress("next build into .next-bench...");
    progress(`built in ${Math.round((await buildApp()) / 1000)} s`);
  });
  // The app against a simulator large enough for the export, shared by most sections.
  const mainApp = once(async (): Promise<{ app: App; simulator: Simulator; session: Session }> => {
    const simulator = await startSimulator({ name: "simulator", events: EXPORT_EVENTS });
    await built();
    const app = await startApp("app", simulator);
    return { app, simulator, session: await signIn(app.url) };
  });
  const chromium = once(async () => (browser = await launchBrowser()));
  // Apps whose archives hold the whole export simulator, each filled by the backfill it measures.
  const archiveApps = once(async (): Promise<{ rows: Row[]; apps: ArchiveApp[]; details: unknown }> => {
    const { simulator } = await mainApp();
    return measureBackfill(simulator, EXPORT_EVENTS);
  });

  try {
    await section("simulator-scale", measureSimulatorScale);
    await section("proxy", async () => {
      const { app, simulator, session } = await mainApp();
      return measureProxyOverhead(app, simulator, session);
    });
    await section("first-load-js", async () => {
      const { app, session } = await mainApp();
      // The explorer with an archive of the default data set, filled before anything counts.
      const simulator = await startSimulator({ name: "simulator-first-load" });
      const archive = await createArchive("PGlite");
      const archived = await startApp("app-first-load-archive", simulator, archive.target);
      try {
        await waitForLogLine({ file: archived.proc.logFile, offset: 0 }, "The archive's backfill is complete", 120_000);
        return await measureFirstLoadJs(await chromium(), [
          { label: "archive off", app, session, budgetKb: 80 },
          { label: "archive on (PGlite)", app: archived, session: await signIn(archived.url), budgetKb: 100 },
        ]);
      } finally {
        await archived.proc.stop();
        await simulator.proc.stop();
        await archive.drop();
      }
    });
    await section("scrolling", async () => {
      const { app, session } = await mainApp();
      return measureScrolling(await chromium(), app, session);
    });
    await section("export", async () => {
      const { app, simulator, session } = await mainApp();
      return measureExport(app, simulator, session, EXPORT_EVENTS);
    });
    await section("archive-backfill", async () => {
      const { rows, details } = await archiveApps();
      return { rows, details };
    });
    await section("archive-reads", async () => measureArchiveReads((await archiveApps()).apps));
    await section("archive-scale", async () => {
      // The servers of the sections before are done with and would only compete for the cores.
      await stopAll();
      await built();
      return measureArchiveScale();
    });
    await section("first-row", async () => {
      // Other apps on the same build, against a simulator that answers in a fixed 50 ms: one live
      // (ARCHIVE=off), one reading its embedded archive, filled by a backfill before anything counts.
      await stopAll();
      await built();
      const simulator = await startSimulator({ name: "simulator-latency", latencyMs: FIRST_ROW_LATENCY_MS });
      const live = await startApp("app-latency", simulator);
      const archive = await createArchive("PGlite");
      const archived = await startApp("app-latency-archive", simulator, archive.target);
      await waitForLogLine({ file: archived.proc.logFile, offset: 0 }, "The archive's backfill is complete", 120_000);
      const explorers = [
        { label: "archive off", app: live, session: await signIn(live.url) },
        { label: "archive on (PGlite)", app: archived, session: await signIn(archived.url) },
      ];
      return measureFirstRow(await chromium(), explorers, simulator, FIRST_ROW_LATENCY_MS);
    });
  } finally {
    await browser?.close().catch(() => undefined);
    await stopAll();
    await dropArchives();
  }

  const totalSeconds = (performance.now() - startedAt) / 1000;
  writeJson(RESULTS_FILE, { machine, commit, totalSeconds }, sections);
  process.stdout.write(
    `\n${markdownTable(sections)}\n\nCommit ${commit}. Machine: ${machine}\nTotal run time: ${Math.round(totalSeconds)} s ` +
      `(each section stops at its limit, at most ${Math.round(Object.values(SECTION_LIMIT_S).reduce((a, b) => a + b, 0) / 60)} min in all, plus the build). ` +
      `Figures: ${RESULTS_FILE}; server logs: ${LOG_DIR}\n`,
  );
  return sections.some((s) => s.error) ? 1 : 0;
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    progress(`${signal}: stopping every server`);
    void stopAll()
      .then(dropArchives)
      .finally(() => process.exit(130));
  });
}

main().then(
  (code) => process.exit(code),
  async (error: unknown) => {
    progress(error instanceof Error ? (error.stack ?? error.message) : String(error));
    await stopAll();
    await dropArchives();
    process.exit(1);
  },
);
