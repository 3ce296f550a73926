import { SESSION_COOKIE } from "@/testing/session";

import { UNAUTHENTICATED, sessionCookieValue, startApp, type RunningApp } from "./auth-app";
import { expect, test } from "./support/test";

// With Merge itself as the upstream the demo sign-in does not exist, and a demo session made
// earlier stops working. Nothing here calls Merge: no request gets past sign-in.

test.describe.configure({ mode: "default" });
test.use({ storageState: { cookies: [], origins: [] } });

const APP_PORT = 3220;

let app: RunningApp;

test.beforeAll(async () => {
  test.setTimeout(90_000);
  app = await startApp(APP_PORT, {
    MERGE_API_BASE_URL: "https://api.merge.dev/api",
    MERGE_API_KEY: "fake-merge-key-never-sent",
    // An issuer nobody listens on: the sign-in page lists the provider without contacting it.
    AUTH_OIDC_ISSUER: "http://127.0.0.1:3299",
    AUTH_OIDC_CLIENT_ID: "audit-trail-explorer",
    AUTH_OIDC_CLIENT_SECRET: "unused",
    AUTH_OIDC_NAME: "Okta",
    AUTH_ALLOWED_DOMAINS: "example.com",
  });
});

test.afterAll(async () => {
  await app?.stop();
});

test("the sign-in page offers the organization's provider and no demo button", async ({ page }) => {
  await page.goto(`${app.baseURL}/`);
  await expect(page).toHaveURL(`${app.baseURL}/signin`);
  await expect(page.getByRole("button", { name: "Sign in with Okta" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign in as demo user" })).toHaveCount(0);
  await expect(page.getByText(/demo/i)).toHaveCount(0);
});

test("next-auth knows no demo provider", async ({ request }) => {
  const providers = await (await request.get(`${app.baseURL}/api/auth/providers`)).json();
  expect(Object.keys(providers)).toEqual(["oidc"]);
});

test("a demo session from before the switch to Merge is refused", async ({ page }) => {
  const demo = await sessionCookieValue({ email: "demo@example.com", name: "Demo user", provider: "demo" }, 3600);
  await page.context().addCookies([{ name: SESSION_COOKIE, value: demo, url: app.baseURL }]);
  const api = await page.request.get(`${app.baseURL}/api/audit-trail`);
  expect(api.status()).toBe(401);
  expect(await api.json()).toEqual(UNAUTHENTICATED);
  await page.goto(`${app.baseURL}/`);
  await expect(page.getByText("Access denied")).toBeVisible();
  await expect(page.getByText(/demo sign-in only works with demo data/)).toBeVisible();
});
