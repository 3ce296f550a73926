import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";

import type { refuseDeniedSession as RefuseDeniedSession } from "@/lib/server/auth/session-endpoint";

const SECRET = "session-endpoint-secret-0123456789abcdef01";
const ORIGIN = "https://audit.example.test";

let refuseDeniedSession: typeof RefuseDeniedSession;

beforeAll(async () => {
  vi.stubEnv("MERGE_API_KEY", "");
  vi.stubEnv("MERGE_API_BASE_URL", "");
  vi.stubEnv("NEXTAUTH_SECRET", SECRET);
  // Served over https, next-auth names its cookie __Secure-…: clearing it takes a Secure cookie.
  vi.stubEnv("NEXTAUTH_URL", ORIGIN);
  vi.stubEnv("AUTH_ALLOWED_EMAILS", "alice@example.com");
  vi.resetModules();
  ({ refuseDeniedSession } = await import("@/lib/server/auth/session-endpoint"));
});

async function request(path: string, email?: string): Promise<NextRequest> {
  const headers: Record<string, string> = {};
  if (email) {
    const token = await encode({ token: { sub: email, email, provider: "oidc" }, secret: SECRET });
    headers.cookie = `__Secure-next-auth.session-token=${token}`;
  }
  return new NextRequest(`${ORIGIN}${path}`, { headers });
}

describe("refuseDeniedSession", () => {
  it("hands the allowed, the anonymous and every other next-auth endpoint over to next-auth", async () => {
    expect(await refuseDeniedSession(await request("/api/auth/session", "alice@example.com"))).toBeNull();
    expect(await refuseDeniedSession(await request("/api/auth/session"))).toBeNull();
    expect(await refuseDeniedSession(await request("/api/auth/providers", "mallory@example.com"))).toBeNull();
    expect(await refuseDeniedSession(await request("/api/auth/signout", "mallory@example.com"))).toBeNull();
  });

  it("answers a removed user's session request with no session and clears the secure cookie too", async () => {
    const response = await refuseDeniedSession(await request("/api/auth/session", "mallory@example.com"));
    expect(response?.status).toBe(200);
    expect(await response?.json()).toEqual({});
    const cleared = response?.headers.getSetCookie() ?? [];
    expect(cleared).toEqual([expect.stringMatching(/^__Secure-next-auth\.session-token=;.*Max-Age=0.*Secure/i)]);
  });
});
