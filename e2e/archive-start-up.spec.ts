import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { E2E_NEXTAUTH_SECRET } from "./support/env";
import { startUntilExit } from "./support/start-until-exit";
import { expect, test } from "./support/test";

// The production build, started for real with an embedded archive it cannot use: it stops at once,
// in one line naming ARCHIVE_DIR, rather than serving 500s (issue 12, "Faults and bad input").

const PORT = 5101;

let folder: string;

test.beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), "archive-start-up-"));
});

test.afterEach(() => {
  fs.rmSync(folder, { recursive: true, force: true });
});

const settings = (archiveDir: string) => ({
  NODE_ENV: "production" as const,
  NEXTAUTH_URL: `http://127.0.0.1:${PORT}`,
  NEXTAUTH_SECRET: E2E_NEXTAUTH_SECRET,
  ARCHIVE_DIR: archiveDir,
});

test("next start stops, naming ARCHIVE_DIR, when it is not a folder", async () => {
  test.setTimeout(60_000);
  const file = path.join(folder, "not-a-folder");
  fs.writeFileSync(file, "");
  const { code, output } = await startUntilExit(PORT, settings(file));
  expect(code).toBe(1);
  expect(output).toMatch(/Refusing to start: ARCHIVE_DIR \(.*not-a-folder\) cannot be used: (EEXIST|ENOTDIR): it must be a folder/);
});

test("next start stops, naming ARCHIVE_DIR, when another running process holds it", async () => {
  test.setTimeout(60_000);
  // This test's own process is alive: its pid in the lock file is an embedded archive in use.
  fs.writeFileSync(path.join(folder, "lock"), String(process.pid));
  const { code, output } = await startUntilExit(PORT, settings(folder));
  expect(code).toBe(1);
  expect(output).toContain(`Refusing to start: ARCHIVE_DIR (${folder}) cannot be used: another process (pid ${process.pid}) has it open`);
  expect(fs.readFileSync(path.join(folder, "lock"), "utf8")).toBe(String(process.pid));
});
