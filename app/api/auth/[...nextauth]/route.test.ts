import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";

// next-auth's session endpoint, as the browser's SessionProvider calls it: someone removed from the
// allowlist gets no session and loses the cookie. (The allowed are served by next-auth itself, which
// needs Next's request scope: lib/server/auth/session-endpoint.test.ts checks they are handed over.)

const SECRET = "session-endpoint-secret-0123456789abcdef01";
const ORIGIN = "http://127.0.0.1:3000";

type Handler = (request: NextRequest, context: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;
let GET: Handler;

beforeAll(async () => {
  vi.stubEnv("MERGE_API_KEY", "");
  vi.stubEnv("MERGE_API_BASE_URL", "");
  vi.stubEnv("NEXTAUTH_SECRET", SECRET);
  vi.stubEnv("NEXTAUTH_URL", ORIGIN);
  vi.stubEnv("AUTH_ALLOWED_EMAILS", "alice@example.com");
  vi.resetModules();
  ({ GET } = await import("./route"));
});

async function askSession(email: string) {
  const token = await encode({ token: { sub: email, email, name: "Someone", provider: "oidc" }, secret: SECRET });
  const request = new NextRequest(`${ORIGIN}/api/auth/session`, { headers: { cookie: `next-auth.session-token=${token}` } });
  const response = await GET(request, { params: Promise.resolve({ nextauth: ["session"] }) });
  const cookie = response.headers.getSetCookie().find((line) => line.startsWith("next-auth.session-token="));
  return { status: response.status, body: await response.json(), cookie };
}

describe("GET /api/auth/session", () => {
  it("gives no session to someone removed from the allowlist, and clears their cookie", async () => {
    const { status, body, cookie } = await askSession("mallory@example.com");
    expect(status).toBe(200);
    expect(body).toEqual({});
    expect(cookie).toMatch(/^next-auth\.session-token=;/);
    expect(cookie).toMatch(/Max-Age=0/i);
  });
});
