import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

import { encode } from "next-auth/jwt";

// Starts `next start` against the existing build (NEXT_DIST_DIR as inherited) with an auth
// configuration of the spec's choosing. Each spec file owns its ports (apps 3200-3249, IdPs
// 3250-3299), so files can run in parallel.

export const TEST_SECRET = "auth-e2e-secret-0123456789abcdefghijklmnopqrstuv";

export type RunningApp = { baseURL: string; stop(): Promise<void> };

/** Variables that would leak the developer's own sign-in or upstream setup into the test app. */
const ISOLATED_PREFIXES = ["AUTH_", "NEXTAUTH_", "MERGE_", "EXPORT_", "ARCHIVE", "DATABASE_URL"];

function appEnv(port: number, env: Record<string, string>): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(([name]) => !ISOLATED_PREFIXES.some((prefix) => name.startsWith(prefix)));
  return {
    ...Object.fromEntries(inherited),
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    NEXTAUTH_SECRET: TEST_SECRET,
    // Apps of one checkout run side by side; one embedded archive folder serves one process.
    ARCHIVE: "off",
    ...env,
  };
}

async function waitUntilServing(baseURL: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}:\n${output()}`);
    const ready = await fetch(`${baseURL}/signin`, { redirect: "manual" }).then(
      (response) => response.status < 500,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`next start did not answer on ${baseURL} within 60 s:\n${output()}`);
}

export async function startApp(port: number, env: Record<string, string> = {}): Promise<RunningApp> {
  const baseURL = `http://127.0.0.1:${port}`;
  const nextBin = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
  const child = spawn(process.execPath, [nextBin, "start", "--hostname", "127.0.0.1", "--port", String(port)], {
    env: appEnv(port, env),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  };
  try {
    await waitUntilServing(baseURL, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseURL, stop };
}

/** A session cookie as next-auth would set it, for tampering and expiry tests. */
export async function sessionCookieValue(claims: Record<string, unknown>, maxAgeSeconds: number): Promise<string> {
  return encode({ token: claims, secret: TEST_SECRET, maxAge: maxAgeSeconds });
}

export const SESSION_COOKIE = "next-auth.session-token";

export const UNAUTHENTICATED = {
  error: { code: "unauthenticated", message: "Your session expired: sign in again" },
};
