import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

// The bench and the soak build and run a snapshot of the committed HEAD, not the working tree:
// figures belong to a commit, a half-saved file cannot break the build, and `next build` rewrites
// the tsconfig.json of the snapshot (it adds its dist dir) instead of the shared one. A snapshot sits
// inside the repository (git-ignored as .next*) so that node_modules resolves from the root.

const COMMIT_FILE = "SNAPSHOT_COMMIT";

/** Refreshes `folder` from HEAD, keeping `keep` (the build output, Turbopack's cache); returns the commit. */
export function snapshotHead(root: string, folder: string, keep: string): string {
  const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
  mkdirSync(folder, { recursive: true });
  for (const entry of readdirSync(folder)) {
    if (entry !== keep) rmSync(path.join(folder, entry), { recursive: true, force: true });
  }
  execFileSync("sh", ["-c", `git archive --format=tar HEAD | tar -x -C "${folder}"`], { cwd: root, timeout: 60_000 });
  // Without its own lockfile the snapshot is a folder of the root project, whose node_modules it uses.
  rmSync(path.join(folder, "package-lock.json"), { force: true });
  writeFileSync(path.join(folder, COMMIT_FILE), commit);
  return commit;
}

/** The commit of the existing snapshot in `folder` (for --no-build). */
export function snapshotCommit(folder: string): string {
  const file = path.join(folder, COMMIT_FILE);
  if (!existsSync(file)) throw new Error(`No snapshot in ${folder} yet: run once without --no-build`);
  return readFileSync(file, "utf8").trim();
}
