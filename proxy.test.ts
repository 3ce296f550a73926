import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";

import { proxy } from "@/proxy";
import { DEVELOPMENT_SECRET } from "@/lib/server/auth/secret";
import { HOSTILE_CALLBACKS, staysOnOrigin } from "@/testing/hostile-callbacks";
import { sessionCookieHeader } from "@/testing/session";

const ORIGIN = "https://audit.example.test";
const SHARED = "/?user_email=a%40b.com&event_type=INVITED_USER";

beforeAll(() => {
  // Read once per process by the modules under test: the embedded simulator (demo on), an allowlist.
  vi.stubEnv("MERGE_API_KEY", "");
  vi.stubEnv("MERGE_API_BASE_URL", "");
  vi.stubEnv("NEXTAUTH_SECRET", "");
  vi.stubEnv("AUTH_ALLOWED_EMAILS", "alice@example.com");
});

function sessionCookie(claims: Record<string, unknown>, maxAge = 3600): Promise<string> {
  return sessionCookieHeader(claims, DEVELOPMENT_SECRET, maxAge);
}

function request(path: string, cookie?: string): NextRequest {
  return new NextRequest(new URL(path, ORIGIN), { headers: cookie ? { cookie } : {} });
}

function signInTarget(response: Response): URL {
  expect(response.status).toBe(307);
  return new URL(response.headers.get("location") ?? "", ORIGIN);
}

function expectSecurityHeaders(response: Response) {
  expect(response.headers.get("content-security-policy")).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  expect(response.headers.get("referrer-policy")).toBe("no-referrer");
  expect(response.headers.get("x-frame-options")).toBe("DENY");
}

describe("proxy without a session", () => {
  it("sends a page to sign-in with the relative path and query as the callback", async () => {
    const response = await proxy(request(SHARED));
    const target = signInTarget(response);
    expect(target.origin).toBe(ORIGIN);
    expect(target.pathname).toBe("/signin");
    expect(target.searchParams.get("callbackUrl")).toBe(SHARED);
    expect(target.searchParams.has("reason")).toBe(false);
    expectSecurityHeaders(response);
  });

  it("answers every API route with 401 JSON and no data", async () => {
    for (const path of ["/api/audit-trail?page_size=10", "/api/audit-trail/export?format=csv", "/api/anything"]) {
      const response = await proxy(request(path));
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({
        error: { code: "unauthenticated", message: "Your session expired: sign in again" },
      });
      expectSecurityHeaders(response);
    }
  });

  it("lets the sign-in page and next-auth's endpoints through, with headers", async () => {
    for (const path of ["/signin?callbackUrl=%2F", "/api/auth/session", "/api/auth/callback/oidc?code=x"]) {
      const response = await proxy(request(path));
      expect(response.headers.get("x-middleware-next")).toBe("1");
      expectSecurityHeaders(response);
    }
  });
});

describe("proxy with a session cookie", () => {
  it("lets an allowed user through and hands the nonce to the renderer", async () => {
    const cookie = await sessionCookie({ email: "alice@example.com", name: "Alice", provider: "oidc" });
    const response = await proxy(request(SHARED, cookie));
    expect(response.headers.get("x-middleware-next")).toBe("1");
    const nonce = response.headers.get("x-middleware-request-x-nonce");
    expect(nonce).toBeTruthy();
    expect(response.headers.get("content-security-policy")).toContain(`'nonce-${nonce}'`);
    expect(response.headers.get("x-middleware-request-content-security-policy")).toContain(`'nonce-${nonce}'`);
  });

  it("lets the demo user through while the upstream is demo data", async () => {
    const cookie = await sessionCookie({ email: "demo@example.com", name: "Demo user", provider: "demo" });
    expect((await proxy(request("/api/audit-trail", cookie))).headers.get("x-middleware-next")).toBe("1");
  });

  it("treats a tampered cookie as an expired session", async () => {
    const cookie = `${await sessionCookie({ email: "alice@example.com", provider: "oidc" })}x`;
    const target = signInTarget(await proxy(request(SHARED, cookie)));
    expect(target.searchParams.get("reason")).toBe("expired");
    expect(target.searchParams.get("callbackUrl")).toBe(SHARED);
    expect((await proxy(request("/api/audit-trail", cookie))).status).toBe(401);
  });

  it("treats an outdated cookie as an expired session", async () => {
    const cookie = await sessionCookie({ email: "alice@example.com", provider: "oidc" }, -120);
    expect(signInTarget(await proxy(request("/", cookie))).searchParams.get("reason")).toBe("expired");
  });

  it("re-checks the allowlist: a valid session for someone no longer listed is refused", async () => {
    const cookie = await sessionCookie({ email: "mallory@example.com", provider: "oidc" });
    const target = signInTarget(await proxy(request("/", cookie)));
    expect(target.searchParams.get("error")).toBe("AccessDenied");
    expect(target.searchParams.get("denied")).toBe("not_listed");
    expect((await proxy(request("/api/audit-trail", cookie))).status).toBe(401);
  });
});

describe("proxy callback for client-side navigations", () => {
  it("leaves Next's internal _rsc marker out of the callback", async () => {
    const target = signInTarget(await proxy(request(`${SHARED}&_rsc=abc12`)));
    expect(target.searchParams.get("callbackUrl")).toBe(SHARED);
  });
});

describe("proxy callback for hostile request paths", () => {
  it.each(HOSTILE_CALLBACKS.map((value) => [JSON.stringify(value), value]))(
    "keeps the sign-in redirect and its callback on this origin for %s",
    async (_, value) => {
      const url = `${ORIGIN}${value.startsWith("/") ? value : `/${value}`}`;
      if (!URL.canParse(url)) return;
      const target = signInTarget(await proxy(request(url)));
      expect(target.origin).toBe(ORIGIN);
      expect(target.pathname).toBe("/signin");
      const callback = target.searchParams.get("callbackUrl");
      if (callback !== null) expect(staysOnOrigin(callback, ORIGIN)).toBe(true);
    },
  );
});

describe("proxy HSTS", () => {
  it.each(["development", "test", "production"])(
    "follows the public URL's scheme at run time, whatever NODE_ENV says (%s)",
    async (NODE_ENV) => {
      vi.stubEnv("NODE_ENV", NODE_ENV);
      try {
        vi.stubEnv("NEXTAUTH_URL", "https://audit.example.test");
        expect((await proxy(request("/signin"))).headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
        vi.stubEnv("NEXTAUTH_URL", "http://127.0.0.1:3000");
        expect((await proxy(request("/signin"))).headers.has("strict-transport-security")).toBe(false);
      } finally {
        vi.stubEnv("NODE_ENV", "test");
        vi.stubEnv("NEXTAUTH_URL", "");
      }
    },
  );
});
