import { expect, test, type Page } from "@playwright/test";

import { SESSION_COOKIE } from "@/testing/session";

import { UNAUTHENTICATED, sessionCookieValue, startApp, type RunningApp } from "./auth-app";
import { startTestIdp, type TestIdp } from "./oidc/provider";

// Sign-in through a real OpenID Connect provider (authorization code + PKCE + state), from a
// shared filtered URL back to exactly that URL, and the ways a session ends.

test.describe.configure({ mode: "default" });
test.use({ storageState: { cookies: [], origins: [] } });

const APP_PORT = 3200;
const IDP_PORT = 3250;
const SHARED = "/?user_email=a%40b.com&event_type=INVITED_USER";
const ALICE = { id: "alice", email: "alice@example.com", emailVerified: true, name: "Alice Allowed" };
const MALLORY = { id: "mallory", email: "mallory@elsewhere.example", emailVerified: true, name: "Mallory Unlisted" };
// Listed, but the IdP never verified the address: it must not count.
const CAROL = { id: "carol", email: "carol@example.com", emailVerified: false, name: "Carol Unverified" };

let idp: TestIdp;
let app: RunningApp;

test.beforeAll(async () => {
  test.setTimeout(90_000);
  idp = await startTestIdp({
    port: IDP_PORT,
    clientId: "audit-trail-explorer",
    clientSecret: "idp-client-secret",
    redirectUri: `http://127.0.0.1:${APP_PORT}/api/auth/callback/oidc`,
    accounts: [ALICE, MALLORY, CAROL],
  });
  app = await startApp(APP_PORT, {
    AUTH_OIDC_ISSUER: idp.issuer,
    AUTH_OIDC_CLIENT_ID: "audit-trail-explorer",
    AUTH_OIDC_CLIENT_SECRET: "idp-client-secret",
    AUTH_OIDC_NAME: "Test IdP",
    AUTH_ALLOWED_EMAILS: `${ALICE.email},${CAROL.email}`,
  });
});

test.afterAll(async () => {
  await app?.stop();
  await idp?.close();
});

/** From the app's sign-in page through the IdP's login form. */
async function signInAtIdp(page: Page, email: string) {
  await page.getByRole("button", { name: "Sign in with Test IdP" }).click();
  await page.waitForURL((url) => url.port === String(IDP_PORT));
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Continue" }).click();
}

test("an allowed user opening a shared URL signs in and lands on exactly that URL", async ({ page }) => {
  await page.goto(`${app.baseURL}${SHARED}`);
  await expect(page).toHaveURL(`${app.baseURL}/signin?callbackUrl=${encodeURIComponent(SHARED)}`);
  await expect(page.getByRole("button", { name: "Sign in as demo user" })).toBeVisible();

  // The authorization request carries PKCE (S256) and state.
  const authorization = page.waitForRequest((request) => request.url().startsWith(`${idp.issuer}/auth`));
  await page.getByRole("button", { name: "Sign in with Test IdP" }).click();
  const authorizeUrl = new URL((await authorization).url());
  expect(authorizeUrl.searchParams.get("code_challenge_method")).toBe("S256");
  expect(authorizeUrl.searchParams.get("code_challenge")).toBeTruthy();
  expect(authorizeUrl.searchParams.get("state")).toBeTruthy();

  await page.getByLabel("Email").fill(ALICE.email);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(`${app.baseURL}${SHARED}`);
  await expect(page.getByRole("banner").getByText(ALICE.email)).toBeVisible();
});

test("a user outside the allowlist sees the access-denied page", async ({ page }) => {
  await page.goto(`${app.baseURL}/signin`);
  await signInAtIdp(page, MALLORY.email);
  await expect(page).toHaveURL(/\/signin\?error=AccessDenied/);
  await expect(page.getByText("Access denied")).toBeVisible();
  await expect(page.getByText(/not on this app's allowlist/)).toBeVisible();
  // No session was created.
  await page.goto(`${app.baseURL}/`);
  await expect(page).toHaveURL(`${app.baseURL}/signin`);
});

test("an email the IdP has not verified does not count, even when listed", async ({ page }) => {
  await page.goto(`${app.baseURL}/signin`);
  await signInAtIdp(page, CAROL.email);
  await expect(page.getByText("Access denied")).toBeVisible();
  await expect(page.getByText(/has not verified your email address/)).toBeVisible();
});

test("sign-out ends the session: pages redirect to sign-in again", async ({ page }) => {
  await page.goto(`${app.baseURL}/`);
  await signInAtIdp(page, ALICE.email);
  await expect(page).toHaveURL(`${app.baseURL}/`);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(`${app.baseURL}/signin`);
  await page.goto(`${app.baseURL}${SHARED}`);
  await expect(page).toHaveURL(`${app.baseURL}/signin?callbackUrl=${encodeURIComponent(SHARED)}`);
  expect((await page.request.get(`${app.baseURL}/api/audit-trail`)).status()).toBe(401);
});

test("a tampered session cookie sends the user back to sign in, and back to the same view", async ({ page }) => {
  await page.goto(`${app.baseURL}/`);
  await signInAtIdp(page, ALICE.email);
  await expect(page).toHaveURL(`${app.baseURL}/`);

  const cookies = await page.context().cookies(app.baseURL);
  const session = cookies.find((cookie) => cookie.name === SESSION_COOKIE);
  expect(session).toBeDefined();
  const flipped = `${session?.value.slice(0, -4)}${session?.value.endsWith("AAAA") ? "BBBB" : "AAAA"}`;
  await page.context().addCookies([{ name: SESSION_COOKIE, value: flipped, url: app.baseURL }]);

  const api = await page.request.get(`${app.baseURL}/api/audit-trail?page_size=5`);
  expect(api.status()).toBe(401);
  expect(await api.json()).toEqual(UNAUTHENTICATED);

  await page.goto(`${app.baseURL}${SHARED}`);
  await expect(page).toHaveURL(/\/signin\?/);
  await expect(page.getByText("Your session expired: sign in again")).toBeVisible();
  // The IdP still remembers Alice, so it answers at once without its login form.
  await page.getByRole("button", { name: "Sign in with Test IdP" }).click();
  await expect(page).toHaveURL(`${app.baseURL}${SHARED}`);
});

test("an expired session cookie sends the user back to sign in", async ({ page }) => {
  const expired = await sessionCookieValue({ email: ALICE.email, name: ALICE.name, provider: "oidc" }, -300);
  await page.context().addCookies([{ name: SESSION_COOKIE, value: expired, url: app.baseURL }]);
  const api = await page.request.get(`${app.baseURL}/api/audit-trail/export?format=csv`);
  expect(api.status()).toBe(401);
  expect(await api.json()).toEqual(UNAUTHENTICATED);
  await page.goto(`${app.baseURL}${SHARED}`);
  await expect(page.getByText("Your session expired: sign in again")).toBeVisible();
  const target = new URL(page.url());
  expect(target.searchParams.get("callbackUrl")).toBe(SHARED);
});
