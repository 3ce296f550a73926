import { spawn, type ChildProcess } from "node:child_process";

import { NextRequest } from "next/server";
import { encode } from "next-auth/jwt";
import { vi } from "vitest";

import { auditTrailPageSchema, type AuditTrailPage } from "@/lib/audit-event";
import { walkPages } from "@/lib/paging";

// Shared by the route tests and the fuzz test: a configured app (env + fresh modules, since the
// server reads its configuration once per process), real session cookies, and a standalone simulator.

export const TEST_SECRET = "route-tests-secret-0123456789abcdef0123456789";
export const ALLOWED_EMAIL = "auditor@acme.test";
/** Pins the simulated trail, so the route's simulator and the test's agree event for event. */
export const SIMULATOR_NOW = "2026-11-28T12:00:00Z";

/** Every variable the server reads, blank unless a test sets it. */
const BASE_ENV: Record<string, string> = {
  NEXTAUTH_SECRET: TEST_SECRET,
  AUTH_ALLOWED_EMAILS: ALLOWED_EMAIL,
  AUTH_ALLOWED_DOMAINS: "",
  AUTH_OIDC_ISSUER: "",
  AUTH_GITHUB_ID: "",
  MERGE_API_KEY: "",
  MERGE_REGION: "",
  MERGE_API_BASE_URL: "",
  MERGE_CATEGORY: "",
  MERGE_TIMEOUT_MS: "",
  SIMULATOR_API_KEY: "",
  SIMULATOR_SEED: "",
  SIMULATOR_EVENTS: "",
  SIMULATOR_NOW,
  SIMULATOR_FAULTS: "",
  SIMULATOR_LATENCY_MS: "",
  SIMULATOR_LIVE_EVENTS_PER_MINUTE: "",
};

export type RouteHandler = (request: NextRequest) => Promise<Response>;

/** The route as a server started with `env` would run it: fresh modules read the new configuration. */
export async function loadRoute(env: Record<string, string> = {}): Promise<RouteHandler> {
  vi.unstubAllEnvs();
  for (const [name, value] of Object.entries({ ...BASE_ENV, ...env })) vi.stubEnv(name, value);
  vi.resetModules();
  // A fresh process has a fresh failure guard; one test's failures must not hold back the next's.
  globalThis.mergeFailureGuard = undefined;
  const { GET } = await import("./route");
  return GET;
}

/** A session cookie as next-auth would set it after an OpenID Connect sign-in. */
export async function sessionCookie(email = ALLOWED_EMAIL): Promise<string> {
  const token = await encode({ token: { sub: email, email, name: "Ada Auditor", provider: "oidc" }, secret: TEST_SECRET });
  return `next-auth.session-token=${token}`;
}

export function apiRequest(search: string, cookie?: string): NextRequest {
  const query = search === "" ? "" : `?${search}`;
  return new NextRequest(`http://127.0.0.1:3000/api/audit-trail${query}`, { headers: cookie ? { cookie } : {} });
}

/** Every page of the route's answers for `search`, following `next` as the explorer does. */
export async function walkRoute(GET: RouteHandler, search: string, cookie: string): Promise<AuditTrailPage[]> {
  const pages: AuditTrailPage[] = [];
  const fetchPage = async (cursor: string | undefined) => {
    const params = new URLSearchParams(search);
    if (cursor !== undefined) params.set("cursor", cursor);
    const response = await GET(apiRequest(params.toString(), cookie));
    if (response.status !== 200) throw new Error(`route answered ${response.status}: ${await response.text()}`);
    return auditTrailPageSchema.parse(await response.json());
  };
  for await (const page of walkPages(fetchPage)) pages.push(page);
  return pages;
}

export type StandaloneSimulator = { baseUrl: string; apiKey: string; stop(): Promise<void> };

/**
 * `npm run simulator` on 127.0.0.1:port, resolved once it listens. Node loads tsx itself (rather
 * than through npx and tsx's own child), so the process we stop is the one that serves.
 */
export function startStandaloneSimulator(port: number, env: Record<string, string> = {}): Promise<StandaloneSimulator> {
  const apiKey = `sim-key-${port}`;
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "lib/simulator/server.ts"], {
    // BASE_ENV blanks any SIMULATOR_* a previous loadRoute stubbed into this process's environment.
    env: { ...process.env, ...BASE_ENV, SIMULATOR_PORT: String(port), SIMULATOR_API_KEY: apiKey, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`simulator on ${port} did not start: ${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(`127.0.0.1:${port}/api`)) {
        clearTimeout(timer);
        resolve({ baseUrl: `http://127.0.0.1:${port}/api`, apiKey, stop });
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`simulator on ${port} exited with ${code}: ${output}`));
    });
  });
}
