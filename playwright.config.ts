import { tmpdir } from "node:os";
import path from "node:path";

import { defineConfig } from "@playwright/test";

import { CHROMIUM_ARGS, chromiumExecutablePath } from "./testing/chromium";
import { nextBuildCommand, nextStartCommand, shellLine, simulatorCommand } from "./testing/processes";
import {
  APP_URL,
  DEMO_STORAGE_STATE,
  E2E_MERGE_API_KEY,
  E2E_NEXTAUTH_SECRET,
  E2E_SIMULATOR_NOW,
  FAILING_APP_URL,
  RATE_LIMITED_APP_URL,
} from "./e2e/support/env";

// Journeys run against `next start` of one production build, reading standalone simulators pinned
// to one instant (same data every run). Web servers start in order: the simulators, then the main
// app (which builds first), then two more servers of that build against faulty simulators.

const simulator = (port: number, faults = "") => ({
  command: shellLine(simulatorCommand(process.env)),
  // Without a key this answers 401, which Playwright counts as "up" (and no fault rule counts it).
  url: `http://127.0.0.1:${port}/api/hris/v1/audit-trail`,
  reuseExistingServer: !process.env.CI,
  timeout: 60_000,
  env: {
    SIMULATOR_PORT: String(port),
    SIMULATOR_NOW: E2E_SIMULATOR_NOW,
    SIMULATOR_API_KEY: E2E_MERGE_API_KEY,
    SIMULATOR_FAULTS: faults,
  },
});

// Each server's own database folder (the access log, manifests and views live there, ARCHIVE=off
// included), emptied before it starts so every run begins with an empty access log.
const databaseDir = (url: string) => path.join(tmpdir(), `audit-trail-e2e-db-${new URL(url).port}`);

const app = (url: string, simulatorPort: number, command: string, timeout = 60_000) => ({
  command: `rm -rf ${databaseDir(url)} && ${command}`,
  url: `${url}/signin`,
  reuseExistingServer: !process.env.CI,
  timeout,
  env: {
    MERGE_API_BASE_URL: `http://127.0.0.1:${simulatorPort}/api`,
    MERGE_API_KEY: E2E_MERGE_API_KEY,
    NEXTAUTH_URL: url,
    NEXTAUTH_SECRET: E2E_NEXTAUTH_SECRET,
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_DIST_DIR: ".next",
    // These journeys cover the proxy mode (e2e/archive.spec.ts starts its own server with the
    // archive on); the records still need the database, one folder per server.
    ARCHIVE: "off",
    ARCHIVE_DIR: databaseDir(url),
  },
});

// Playwright passes each server's env itself; the commands only need their arguments.
const start = (url: string) => shellLine(nextStartCommand(Number(new URL(url).port), process.env));
const build = shellLine(nextBuildCommand(process.env));

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./test-results",
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // The JSON report feeds CI's one-line summary (scripts/ci-summary.mjs).
  reporter: [["list"], ["json", { outputFile: "test-reports/e2e.json" }]],
  use: {
    baseURL: APP_URL,
    trace: "retain-on-failure",
    launchOptions: { executablePath: chromiumExecutablePath(), args: CHROMIUM_ARGS },
  },
  webServer: [
    simulator(4110),
    // Retry-After beyond the app's retry budget, so the rate limit reaches the page.
    simulator(4111, "429:30"),
    simulator(4112, "500"),
    // The one build (into .next) happens here; the servers after this one reuse it.
    app(APP_URL, 4110, `${build} && ${start(APP_URL)}`, 300_000),
    app(RATE_LIMITED_APP_URL, 4111, start(RATE_LIMITED_APP_URL)),
    app(FAILING_APP_URL, 4112, start(FAILING_APP_URL)),
  ],
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts$/ },
    {
      name: "chromium",
      dependencies: ["setup"],
      testIgnore: /auth\.setup\.ts$/,
      use: { storageState: DEMO_STORAGE_STATE },
    },
  ],
});
