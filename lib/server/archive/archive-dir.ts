import "server-only";

import fs from "node:fs";
import path from "node:path";

import { ArchiveStartupError } from "./errors";

// The embedded archive's folder. PGlite is one process's database: a second process opening the
// same files would corrupt them, so the folder carries a lock file with the owner's pid. A lock
// left by a process that died (or by an earlier life of this pid, as in a restarted container) is
// taken over.

declare global {
  var openArchiveDirs: Set<string> | undefined;
}

const LOCK_FILE = "lock";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function cannotUse(dir: string, reason: string, cause?: unknown): ArchiveStartupError {
  return new ArchiveStartupError(`ARCHIVE_DIR (${dir}) cannot be used: ${reason}`, { cause });
}

/** Takes the folder for this process; returns where PGlite keeps its files and how to let go. */
export function lockArchiveDir(dir: string): { dataDir: string; release(): void } {
  const absolute = path.resolve(dir);
  globalThis.openArchiveDirs ??= new Set();
  if (globalThis.openArchiveDirs.has(absolute)) throw cannotUse(absolute, "this process has it open already");
  try {
    fs.mkdirSync(absolute, { recursive: true });
    fs.accessSync(absolute, fs.constants.R_OK | fs.constants.W_OK | fs.constants.X_OK);
  } catch (error) {
    throw cannotUse(absolute, `${(error as NodeJS.ErrnoException).code ?? "error"}: it must be a folder this process can read and write`, error);
  }
  const lockPath = path.join(absolute, LOCK_FILE);
  for (let attempt = 0; ; attempt += 1) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: "wx" });
      break;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "EEXIST" || attempt > 0) throw cannotUse(absolute, `could not write its lock file (${code ?? "error"})`, error);
      const owner = Number(fs.readFileSync(lockPath, "utf8").trim());
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isAlive(owner)) {
        throw cannotUse(
          absolute,
          `another process (pid ${owner}) has it open. One embedded archive serves one process: give each its own ARCHIVE_DIR, or share a PostgreSQL server with DATABASE_URL`,
        );
      }
      fs.rmSync(lockPath, { force: true });
    }
  }
  globalThis.openArchiveDirs.add(absolute);
  const releaseOnExit = () => fs.rmSync(lockPath, { force: true });
  process.once("exit", releaseOnExit);
  return {
    dataDir: path.join(absolute, "pgdata"),
    release() {
      process.off("exit", releaseOnExit);
      globalThis.openArchiveDirs?.delete(absolute);
      if (fs.existsSync(lockPath) && fs.readFileSync(lockPath, "utf8").trim() === String(process.pid)) releaseOnExit();
    },
  };
}
