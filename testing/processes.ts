import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";

// Every child process of the tests and the bench starts here: the standalone simulator and the
// production app (`next start`), launched the same way for route tests, simulator tests, end-to-end
// tests, Playwright's web servers and the bench. Each child gets its own process group, so stopping
// it also stops whatever it spawned (next start forks a worker), and its output goes to a log file.

export const LOG_DIR = path.join(tmpdir(), `audit-trail-processes-${process.pid}`);

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

/** Polls until `ready` says yes, the process dies, or the time is up. Returns the wait in ms. */
export async function waitUntil(proc: Managed, ready: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    if (proc.hasExited()) throw new Error(`${proc.name} exited while starting:\n${tail(proc.logFile)}`);
    if (await ready().catch(() => false)) return performance.now() - started;
    await sleep(50);
  }
  throw new Error(`${proc.name} was not ready after ${timeoutMs / 1000} s:\n${tail(proc.logFile)}`);
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
function tail(logFile: string, lines = 25): string {
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

/** A child's environment: the caller's, without its own upstream, auth, simulator or build settings. */
export function isolatedEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(
    ([key]) => !/^(MERGE_|SIMULATOR_|AUTH_|NEXTAUTH_|EXPORT_|ARCHIVE|DATABASE_URL$|NEXT_DIST_DIR$|PORT$|NODE_ENV$)/.test(key),
  );
  return { ...Object.fromEntries(inherited), NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", ...extra };
}

// Node loads tsx itself (rather than through npx and tsx's own child), so the process that is
// stopped is the one that serves.
const SIMULATOR_ARGS = ["--import", "tsx", "lib/simulator/server.ts"];

function nextBin(cwd: string): string {
  return createRequire(path.join(cwd, "package.json")).resolve("next/dist/bin/next");
}

/** `npm run simulator` as one Node process; its settings come from SIMULATOR_* in `env`. */
export function simulatorCommand(env: NodeJS.ProcessEnv, cwd = process.cwd()): Command {
  return { command: process.execPath, args: SIMULATOR_ARGS, env, cwd };
}

/** `next start` of the existing build (NEXT_DIST_DIR in `env`, else .next) on 127.0.0.1:port. */
export function nextStartCommand(port: number, env: NodeJS.ProcessEnv, cwd = process.cwd()): Command {
  const args = [nextBin(cwd), "start", "--hostname", "127.0.0.1", "--port", String(port)];
  return { command: process.execPath, args, env, cwd };
}

/** `next build` into NEXT_DIST_DIR of `env` (else .next). */
export function nextBuildCommand(env: NodeJS.ProcessEnv, cwd = process.cwd()): Command {
  return { command: process.execPath, args: [nextBin(cwd), "build"], env, cwd };
}

/** The same commands as one shell line, for Playwright's web servers (which take a string). */
export function shellLine({ command, args }: Pick<Command, "command" | "args">): string {
  return [command, ...args].map((word) => `'${word.replaceAll("'", `'\\''`)}'`).join(" ");
}

export type RunningSimulator = { proc: Managed; baseUrl: string; apiKey: string; stop(): Promise<void> };

/**
 * The standalone simulator on 127.0.0.1:port with its own key, resolved once it answers. The probe
 * carries no key: the 401 it gets is counted by no fault rule, so `env` can inject any fault.
 */
export async function startSimulator(
  port: number,
  { env = {}, name = `simulator-${port}`, timeoutMs = 60_000 }: { env?: Record<string, string>; name?: string; timeoutMs?: number } = {},
): Promise<RunningSimulator> {
  const apiKey = env.SIMULATOR_API_KEY ?? `sim-key-${port}`;
  const proc = launch(name, simulatorCommand(isolatedEnv({ SIMULATOR_PORT: String(port), SIMULATOR_API_KEY: apiKey, ...env })));
  const baseUrl = `http://127.0.0.1:${port}/api`;
  try {
    await waitUntil(proc, async () => (await fetch(`${baseUrl}/hris/v1/audit-trail`)).status === 401, timeoutMs);
  } catch (error) {
    await proc.stop();
    throw error;
  }
  return { proc, baseUrl, apiKey, stop: proc.stop };
}

export type RunningApp = { proc: Managed; baseURL: string; stop(): Promise<void> };

/** `next start` of the existing build on 127.0.0.1:port, resolved once its sign-in page answers. */
export async function startApp(
  port: number,
  { env = {}, name = `app-${port}`, cwd, timeoutMs = 60_000 }: { env?: Record<string, string>; name?: string; cwd?: string; timeoutMs?: number } = {},
): Promise<RunningApp> {
  const baseURL = `http://127.0.0.1:${port}`;
  // Every server opens a database, ARCHIVE=off included (the access log lives there), and one
  // embedded folder serves one process: each gets a folder of its own unless the test names one.
  const ownDir = env.ARCHIVE_DIR || env.DATABASE_URL ? undefined : mkdtempSync(path.join(tmpdir(), `${name}-db-`));
  const proc = launch(name, nextStartCommand(port, isolatedEnv({ NEXTAUTH_URL: baseURL, ...(ownDir ? { ARCHIVE_DIR: ownDir } : {}), ...env }), cwd));
  const stop = async () => {
    await proc.stop();
    if (ownDir) rmSync(ownDir, { recursive: true, force: true });
  };
  try {
    await waitUntil(proc, async () => (await fetch(`${baseURL}/signin`, { redirect: "manual" })).status < 500, timeoutMs);
  } catch (error) {
    await stop();
    throw error;
  }
  return { proc, baseURL, stop };
}
