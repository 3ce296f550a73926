import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import pg from "pg";

import { launch, runToCompletion, sleep, waitUntil, type Managed } from "../../testing/processes";
import { descendantsAndSelf } from "../bench/proc-stats";

// The soak's own PostgreSQL 15: a throwaway cluster made with Debian's initdb in a temporary folder,
// listening on 127.0.0.1 at a free port with a private socket folder, so the soak can kill -9 it and
// start it again without ever touching the machine's shared server on 5432. initdb and postgres
// refuse to run as root, so as root they run as the `postgres` user, on a folder that user owns.

export const PG_BIN_DIR = "/usr/lib/postgresql/15/bin";

export const MISSING_BINARIES_MESSAGE =
  `No PostgreSQL 15 binaries in ${PG_BIN_DIR}: install them with \`apt-get install -y postgresql-15\` ` +
  "(Debian; the cluster is private, so the package's own server need not run) to soak two instances on " +
  "PostgreSQL. This run falls back to the embedded archive (PGlite) with one instance.";

export function hasPostgresBinaries(): boolean {
  return ["initdb", "postgres"].every((name) => existsSync(path.join(PG_BIN_DIR, name)));
}

export type Cluster = {
  url: string;
  /** The postmaster's pid while it runs. */
  pid(): number | undefined;
  /** kill -9 of the postmaster and every backend: a crash, not a shutdown. */
  kill(): Promise<void>;
  /** Starts the server again on the same folder and port (crash recovery included); resolves once it answers. */
  start(): Promise<void>;
  /** Stops the server and deletes the folder. */
  destroy(): Promise<void>;
};

type RunAs = { command: string; prefix: string[] };

function runAs(): RunAs & { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return { command: "", prefix: [] };
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
  return { command: "runuser", prefix: ["-u", "postgres", "--"], uid: id("-u"), gid: id("-g") };
}

function command(user: RunAs, binary: string, args: string[], cwd: string) {
  const bin = path.join(PG_BIN_DIR, binary);
  return user.command
    ? { command: user.command, args: [...user.prefix, bin, ...args], env: { ...process.env, LC_ALL: "C" }, cwd }
    : { command: bin, args, env: { ...process.env, LC_ALL: "C" }, cwd };
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function postmasterPid(dataDir: string): number | undefined {
  try {
    const pid = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** initdb into a new temporary folder, then starts the server on 127.0.0.1:port. */
export async function createCluster(port: number): Promise<Cluster> {
  const user = runAs();
  const root = mkdtempSync(path.join(tmpdir(), "soak-postgres-"));
  const dataDir = path.join(root, "data");
  const socketDir = path.join(root, "socket");
  mkdirSync(socketDir);
  if (user.uid !== undefined && user.gid !== undefined) {
    chownSync(root, user.uid, user.gid);
    chownSync(socketDir, user.uid, user.gid);
  }
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  await runToCompletion(
    "postgres-initdb",
    command(user, "initdb", ["-D", dataDir, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--no-sync"], root),
    120_000,
  );

  let server: Managed | undefined;
  const start = async () => {
    const args = ["-D", dataDir, "-p", String(port), "-k", socketDir, "-c", "listen_addresses=127.0.0.1"];
    server = launch("postgres", command(user, "postgres", args, root));
    await waitUntil(server, () => answers(url), 60_000);
  };
  const kill = async () => {
    const pid = postmasterPid(dataDir);
    const tree = pid === undefined ? [] : descendantsAndSelf(pid);
    for (const member of tree) {
      try {
        process.kill(member, "SIGKILL");
      } catch {
        // Already gone.
      }
    }
    // The next postmaster refuses to start while an old backend still holds the shared memory.
    for (let waited = 0; tree.some(alive) && waited < 10_000; waited += 50) await sleep(50);
    await server?.exited;
  };

  await start();
  return {
    url,
    pid: () => postmasterPid(dataDir),
    kill,
    start,
    async destroy() {
      await server?.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
