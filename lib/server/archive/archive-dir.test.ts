import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { lockArchiveDir } from "./archive-dir";

let folder: string;

beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), "archive-dir-"));
});

afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

describe("lockArchiveDir", () => {
  it("creates the folder, takes it for this process and lets go", () => {
    const dir = path.join(folder, "nested", "archive");
    const lock = lockArchiveDir(dir);
    expect(lock.dataDir).toBe(path.join(dir, "pgdata"));
    expect(fs.readFileSync(path.join(dir, "lock"), "utf8")).toBe(String(process.pid));
    expect(() => lockArchiveDir(dir)).toThrow(/^ARCHIVE_DIR \(.*\) cannot be used: this process has it open already$/);
    lock.release();
    expect(fs.existsSync(path.join(dir, "lock"))).toBe(false);
    lockArchiveDir(dir).release();
  });

  it("refuses a folder another live process holds, naming ARCHIVE_DIR and that process", () => {
    fs.writeFileSync(path.join(folder, "lock"), String(process.ppid));
    expect(() => lockArchiveDir(folder)).toThrow(
      new RegExp(`^ARCHIVE_DIR \\(${folder}\\) cannot be used: another process \\(pid ${process.ppid}\\) has it open.*DATABASE_URL`),
    );
  });

  it("takes over a lock left by a process that died", () => {
    // Far above any pid Linux hands out (pid_max is at most 2^22).
    fs.writeFileSync(path.join(folder, "lock"), "9999999");
    lockArchiveDir(folder).release();
  });

  it("names ARCHIVE_DIR when it is not a folder", () => {
    const file = path.join(folder, "file");
    fs.writeFileSync(file, "");
    expect(() => lockArchiveDir(file)).toThrow(/^ARCHIVE_DIR \(.*file\) cannot be used: (EEXIST|ENOTDIR)/);
  });
});
