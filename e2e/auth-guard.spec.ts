import type { APIResponse } from "@playwright/test";

import { UNAUTHENTICATED, startApp, type RunningApp } from "./auth-app";
import { expect, expectNoSeriousA11yViolations, test } from "./support/test";

// Without a session nothing but the sign-in page is reachable, every response carries the
// security headers, and the demo sign-in (embedded simulator upstream) returns to the shared URL.

test.describe.configure({ mode: "default" });
test.use({ storageState: { cookies: [], origins: [] } });

const APP_PORT = 3210;
const SHARED = "/?user_email=a%40b.com&event_type=INVITED_USER";
const PAGES = ["/", SHARED, "/?start_date=2026-01-01T00:00:00.000Z&page_size=50", "/no-such-page"];
const APIS = [
  "/api/audit-trail",
  "/api/audit-trail?user_email=a%40b.com&page_size=100",
  "/api/audit-trail/export?format=csv",
  "/api/audit-trail/export?format=ndjson&event_type=INVITED_USER",
];

let app: RunningApp;

test.beforeAll(async () => {
  test.setTimeout(90_000);
  app = await startApp(APP_PORT);
});

test.afterAll(async () => {
  await app?.stop();
});

function expectSecurityHeaders(response: APIResponse) {
  const headers = response.headers();
  const csp = headers["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'(;|$)/);
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
  for (const directive of ["frame-ancestors 'none'", "base-uri 'self'", "object-src 'none'", "form-action 'self'"]) {
    expect(csp).toContain(directive);
  }
  expect(headers["referrer-policy"]).toBe("no-referrer");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  // This server's public URL (NEXTAUTH_URL) is plain http: HSTS would pin the host to an https that is not there.
  expect(headers["strict-transport-security"]).toBeUndefined();
}

test("every page redirects to sign-in with its path and query as the callback", async ({ request }) => {
  for (const path of PAGES) {
    const response = await request.get(`${app.baseURL}${path}`, { maxRedirects: 0 });
    expect(response.status(), path).toBe(307);
    const location = new URL(response.headers()["location"] ?? "", app.baseURL);
    expect(location.origin).toBe(app.baseURL);
    expect(location.pathname).toBe("/signin");
    // Same path and the same parameters (Next may percent-encode a ":" in the query on the way).
    const callback = new URL(location.searchParams.get("callbackUrl") ?? "/", app.baseURL);
    const requested = new URL(path, app.baseURL);
    expect(callback.pathname).toBe(requested.pathname);
    expect([...callback.searchParams]).toEqual([...requested.searchParams]);
    expectSecurityHeaders(response);
  }
});

test("a client-side navigation request gets no page data either", async ({ request }) => {
  const response = await request.get(`${app.baseURL}${SHARED}`, { maxRedirects: 0, headers: { RSC: "1" } });
  expect(response.status()).toBe(307);
  expect(await response.text()).not.toContain("INVITED_USER\"");
});

test("every API route answers 401 JSON with no event data", async ({ request }) => {
  for (const path of APIS) {
    for (const method of ["get", "post"] as const) {
      const response = await request[method](`${app.baseURL}${path}`, { maxRedirects: 0 });
      expect(response.status(), `${method} ${path}`).toBe(401);
      expect(response.headers()["content-type"]).toContain("application/json");
      const body = await response.text();
      expect(JSON.parse(body)).toEqual(UNAUTHENTICATED);
      expect(body).not.toMatch(/results|event_type|user_email/);
      expectSecurityHeaders(response);
    }
  }
});

test("the sign-in page and next-auth's endpoints carry the security headers too", async ({ request }) => {
  for (const path of ["/signin", "/api/auth/providers", "/api/auth/csrf"]) {
    const response = await request.get(`${app.baseURL}${path}`, { maxRedirects: 0 });
    expect(response.status(), path).toBe(200);
    expectSecurityHeaders(response);
  }
});

test("the demo user signs in from a shared URL and lands on exactly it, with no CSP violation", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto(`${app.baseURL}${SHARED}`);
  await expect(page.getByRole("heading", { name: "Sign in to Audit Trail Explorer" })).toBeVisible();
  await page.getByRole("button", { name: "Sign in as demo user" }).click();
  await expect(page).toHaveURL(`${app.baseURL}${SHARED}`);
  await expect(page.getByRole("banner").getByText("demo@example.com")).toBeVisible();
  expect(violations).toEqual([]);
});

test("the sign-in and access-denied pages pass accessibility checks in light and dark mode", async ({ page }) => {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await page.goto(`${app.baseURL}/signin?reason=expired`);
    await expect(page.getByText("Your session expired: sign in again")).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.goto(`${app.baseURL}/signin?error=AccessDenied&denied=not_listed`);
    await expect(page.getByText("Access denied")).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  }
});

test("the same build sends HSTS when its public URL is https: decided when the server runs, not when it was built", async ({
  playwright,
}) => {
  test.setTimeout(90_000);
  const httpsApp = await startApp(3211, { NEXTAUTH_URL: "https://audit.example.test" });
  try {
    const context = await playwright.request.newContext({ baseURL: httpsApp.baseURL, storageState: { cookies: [], origins: [] } });
    const response = await context.get("/signin");
    expect(response.headers()["strict-transport-security"]).toMatch(/max-age=\d+/);
    await context.dispose();
  } finally {
    await httpsApp.stop();
  }
});
