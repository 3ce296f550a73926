import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, mkdirSync, openSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

// Every process the bench starts goes through here: each gets its own process group, so stopping it
// also stops whatever it spawned (next start forks a worker), and `stopAll` runs on every exit path.

export const LOG_DIR = path.join(tmpdir(), `audit-trail-bench-${process.pid}`);

export type Managed = {
  name: string;
  pid: number;
  logFile: string;
  /** Resolves with the exit code (or signal name) once the process has exited. */
  exited: Promise<number | string>;
  hasExited: () => boolean;
  stop: () => Promise<void>;
};

const running = new Set<Managed>();

export type Command = { command: string; args: string[]; env: NodeJS.ProcessEnv; cwd: string };

export function launch(name: string, { command, args, env, cwd }: Command): Managed {
  mkdirSync(LOG_DIR, { recursive: true });
  const logFile = path.join(LOG_DIR, `${name}.log`);
  // Straight into a file, not through a pipe to this process: a server's synchronous log writes
  // must never wait for the bench's own event loop, busy generating load.
  const log = openSync(logFile, "a");
  const child: ChildProcess = spawn(command, args, { env, cwd, detached: true, stdio: ["ignore", log, log] });
  closeSync(log);
  if (child.pid === undefined) throw new Error(`Could not start ${name} (${command})`);
  const pid = child.pid;

  let done = false;
  const exited = new Promise<number | string>((resolve) => {
    child.on("exit", (code, signal) => {
      done = true;
      resolve(code ?? signal ?? "unknown");
    });
  });

  const managed: Managed = {
    name,
    pid,
    logFile,
    exited,
    hasExited: () => done,
    stop: async () => {
      running.delete(managed);
      if (done) return;
      signalGroup(pid, "SIGTERM");
      const stopped = await Promise.race([exited.then(() => true), sleep(5_000).then(() => false)]);
      if (!stopped) signalGroup(pid, "SIGKILL");
      await Promise.race([exited, sleep(2_000)]);
      // The leader may be gone while a forked worker still holds the port.
      signalGroup(pid, "SIGKILL");
    },
  };
  running.add(managed);
  return managed;
}

/** Runs a command to completion (bounded by `timeoutMs`), its output going to a log file. */
export async function runToCompletion(name: string, command: Command, timeoutMs: number): Promise<void> {
  const proc = launch(name, command);
  const outcome = await Promise.race([proc.exited, sleep(timeoutMs).then(() => "timeout" as const)]);
  await proc.stop();
  if (outcome !== 0) {
    throw new Error(`${name} failed (${outcome === "timeout" ? `no result after ${timeoutMs / 1000} s` : `exit ${outcome}`}):\n${tail(proc.logFile)}`);
  }
}

export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((proc) => proc.stop()));
}

/** The last lines of a process's log, for error messages. */
export function tail(logFile: string, lines = 25): string {
  try {
    return readFileSync(logFile, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
