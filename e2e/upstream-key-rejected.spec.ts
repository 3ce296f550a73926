import { startApp, type RunningApp } from "./auth-app";
import { SIMULATOR_URL } from "./support/env";
import { expect, test } from "./support/test";

// A server whose MERGE_API_KEY Merge refuses (the simulator answers 401): the page names the cause
// in words a reader can act on, offers Retry, and never repeats the key back.

test.describe.configure({ mode: "default" });
test.use({ storageState: { cookies: [], origins: [] } });

const APP_PORT = 3230;
const REJECTED_KEY = "sk_rejected_e2e_must_not_leak_5c1d";

let app: RunningApp;

test.beforeAll(async () => {
  test.setTimeout(90_000);
  app = await startApp(APP_PORT, { MERGE_API_BASE_URL: `${SIMULATOR_URL}/api`, MERGE_API_KEY: REJECTED_KEY });
});

test.afterAll(async () => {
  await app?.stop();
});

test("a rejected API key is named as the cause, with Retry, and the key stays on the server", async ({ page }) => {
  await page.goto(`${app.baseURL}/`);
  await page.getByRole("button", { name: "Sign in as demo user" }).click();
  await expect(page).toHaveURL(`${app.baseURL}/`);
  await expect(page.getByText("The server's Merge API key was rejected: ask your administrator")).toBeVisible();
  await expect(page.getByRole("button", { name: "Retry" })).toBeVisible();
  expect(await page.content()).not.toContain(REJECTED_KEY);

  const api = await page.request.get(`${app.baseURL}/api/audit-trail`);
  expect(api.status()).toBe(502);
  const body = await api.text();
  expect(JSON.parse(body)).toMatchObject({ error: { code: "upstream_auth" } });
  expect(body).not.toContain(REJECTED_KEY);
});
