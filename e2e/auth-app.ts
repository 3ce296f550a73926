import { API_ERRORS } from "@/lib/api-errors";
import { startApp as startAppProcess, type RunningApp } from "@/testing/processes";
import { mintSessionToken } from "@/testing/session";

// Starts `next start` against the existing build with an auth configuration of the spec's choosing.
// Each spec file owns its ports (apps 3200-3249, IdPs 3250-3299), so files can run in parallel.

export const TEST_SECRET = "auth-e2e-secret-0123456789abcdefghijklmnopqrstuv";

export type { RunningApp };

export function startApp(port: number, env: Record<string, string> = {}): Promise<RunningApp> {
  return startAppProcess(port, { env: { NEXTAUTH_SECRET: TEST_SECRET, ...env } });
}

/** A session cookie's value as next-auth would set it, for tampering and expiry tests. */
export function sessionCookieValue(claims: Record<string, unknown>, maxAgeSeconds: number): Promise<string> {
  return mintSessionToken(claims, TEST_SECRET, maxAgeSeconds);
}

export const UNAUTHENTICATED = {
  error: { code: "unauthenticated", message: API_ERRORS.unauthenticated.message },
};
