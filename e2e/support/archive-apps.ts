import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { expect, type Page } from "@playwright/test";

import { archiveStatusSchema } from "@/lib/archive-status";
import type { Simulator } from "@/lib/simulator";
import { serveSimulator, type RunningServer } from "@/lib/simulator/node-server";

import { startApp, type RunningApp } from "../auth-app";
import { openExplorer } from "./explorer";

// The apps of a spec about the archive: its own simulator served on its own port, one app that keeps
// a fresh embedded archive and one with ARCHIVE=off, both reading that simulator.

export type ArchiveApps = {
  upstream: RunningServer;
  app: RunningApp;
  appWithoutArchive: RunningApp;
  /** Stops the apps and the simulator's server, and removes the archive's folder. */
  stop: () => Promise<void>;
};

type ArchiveAppsOptions = {
  simulator: Simulator;
  apiKey: string;
  ports: { app: number; appWithoutArchive: number; simulator: number };
  /** Stands between the app and the simulator (to add faults); the simulator's own by default. */
  handle?: Simulator["handle"];
  /** More settings for the archive app. */
  archiveEnv?: Record<string, string>;
};

export async function startArchiveApps({ simulator, apiKey, ports, handle, archiveEnv = {} }: ArchiveAppsOptions): Promise<ArchiveApps> {
  const upstream = await serveSimulator(handle ? { ...simulator, handle } : simulator, ports.simulator);
  const archiveDir = await mkdtemp(path.join(tmpdir(), "archive-e2e-"));
  const upstreamEnv = { MERGE_API_BASE_URL: `${upstream.url}/api`, MERGE_API_KEY: apiKey };
  const app = await startApp(ports.app, { ...upstreamEnv, ARCHIVE: "on", ARCHIVE_DIR: archiveDir, ...archiveEnv });
  const appWithoutArchive = await startApp(ports.appWithoutArchive, { ...upstreamEnv, ARCHIVE: "off" });
  return {
    upstream,
    app,
    appWithoutArchive,
    stop: async () => {
      await appWithoutArchive.stop();
      await app.stop();
      await upstream.close();
      await rm(archiveDir, { recursive: true, force: true });
    },
  };
}

/** Signs in with the demo button (the upstream is a simulator) and lands on the explorer. */
export async function signInAsDemo(page: Page, baseURL: string): Promise<void> {
  await page.goto(`${baseURL}/`);
  await page.getByRole("button", { name: "Sign in as demo user" }).click();
  await expect(page).toHaveURL(`${baseURL}/`);
  await expect(page.getByRole("combobox", { name: "User email" })).toBeEnabled();
}

/**
 * Signs in, waits until the archive's backfill holds all `events` of the trail (so every count is
 * final), then opens the explorer at `pathAndQuery`: figures fetched before then would be partial.
 */
export async function openFullArchive(page: Page, baseURL: string, events: number, pathAndQuery = "/"): Promise<void> {
  await signInAsDemo(page, baseURL);
  await expect
    .poll(
      async () => {
        const answer = await page.request.get(`${baseURL}/api/archive/status`);
        if (answer.status() !== 200) return `status ${answer.status()}`;
        const status = archiveStatusSchema.parse(await answer.json());
        return status.backfill.complete ? status.events : `backfilling: ${status.events}`;
      },
      { timeout: 90_000 },
    )
    .toBe(events);
  await openExplorer(page, `${baseURL}${pathAndQuery}`);
}
