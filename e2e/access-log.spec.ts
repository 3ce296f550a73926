import { createHash, randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";

import type { Browser, BrowserContext, Page } from "@playwright/test";
import pg from "pg";

import { exportManifestSchema } from "@/lib/export/manifest";
import { createSimulator } from "@/lib/simulator";
import { serveSimulator, type RunningServer } from "@/lib/simulator/node-server";
import { SESSION_COOKIE } from "@/testing/session";

import { sessionCookieValue, startApp, type RunningApp } from "./auth-app";
import { eventRows, openExplorer } from "./support/explorer";
import { expect, expectNoSeriousA11yViolations, test } from "./support/test";

// The evidence for auditors (issue 15), end to end in Chromium, on a server whose database is a
// fresh database of the PostgreSQL server (so the test can reach it, as a tamperer with superuser
// rights would): export manifests against the downloaded files, the access log showing the
// journey's own actions, Verify catching a row edited in the database, views shared between two
// users, and axe on /activity. Ada is an admin (AUTH_ADMIN_EMAILS), Bob is not.

test.describe.configure({ mode: "serial" });
test.use({ storageState: { cookies: [], origins: [] }, timezoneId: "UTC" });

const APP_PORT = 5500;
const SIMULATOR_PORT = 5501;
const SIMULATOR_KEY = "sk_access_log_e2e_simulator_key_5c1d";
const SERVER_URL = process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";
const ADA = "ada@acme.test";
const BOB = "bob@acme.test";

let upstream: RunningServer;
let app: RunningApp;
let databaseName: string;

const admin = async <T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
};

const databaseUrl = () => {
  const url = new URL(SERVER_URL);
  url.pathname = `/${databaseName}`;
  return url.toString();
};

test.beforeAll(async () => {
  test.setTimeout(120_000);
  upstream = await serveSimulator(createSimulator({ apiKey: SIMULATOR_KEY, events: 600, days: 30 }), SIMULATOR_PORT);
  databaseName = `access_log_e2e_${randomUUID().replaceAll("-", "")}`;
  await admin(SERVER_URL, (client) => client.query(`create database ${databaseName}`));
  app = await startApp(APP_PORT, {
    MERGE_API_BASE_URL: `${upstream.url}/api`,
    MERGE_API_KEY: SIMULATOR_KEY,
    ARCHIVE: "off",
    DATABASE_URL: databaseUrl(),
    AUTH_ALLOWED_EMAILS: `${ADA},${BOB}`,
    AUTH_ADMIN_EMAILS: ADA,
  });
});

test.afterAll(async () => {
  await app?.stop();
  await upstream?.close();
  if (databaseName) await admin(SERVER_URL, (client) => client.query(`drop database if exists ${databaseName} with (force)`));
});

/** A browser context signed in as `email` (a session as the identity provider's sign-in would leave). */
async function signedIn(browser: Browser, email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: app.baseURL, timezoneId: "UTC", acceptDownloads: true });
  const value = await sessionCookieValue({ email, name: email.split("@")[0], provider: "oidc" }, 3600);
  await context.addCookies([{ name: SESSION_COOKIE, value, url: app.baseURL }]);
  return { context, page: await context.newPage() };
}

/** Exports the explorer's result set in `format` and returns the saved file's SHA-256. */
async function exportAndHash(page: Page, format: "CSV" | "JSON" | "NDJSON"): Promise<string> {
  await page.getByRole("button", { name: "Export" }).click();
  const download = page.waitForEvent("download");
  await page.getByRole("menuitem", { name: format, exact: true }).click();
  const file = await (await download).path();
  return createHash("sha256").update(await readFile(file)).digest("hex");
}

test("a sign-in is recorded with the user's address and browser", async ({ page }) => {
  await page.goto(`${app.baseURL}/`);
  await page.getByRole("button", { name: "Sign in as demo user" }).click();
  await expect(page).toHaveURL(`${app.baseURL}/`);
  // The demo user is an admin on demo data.
  await page.goto(`${app.baseURL}/activity?action=sign_in`);
  const row = page.getByRole("table", { name: /Access log entries/ }).getByRole("row").filter({ hasText: "demo@example.com" });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("127.0.0.1");
  await expect(row).toContainText("with demo");
});

test("an export's manifest hash is the sha256 of the downloaded file, for CSV, JSON and NDJSON", async ({ browser }) => {
  const { context, page } = await signedIn(browser, ADA);
  await openExplorer(page, "/?event_type=INVITED_USER");
  for (const format of ["CSV", "JSON", "NDJSON"] as const) {
    const fileHash = await exportAndHash(page, format);
    const summary = page.getByRole("status", { name: "Export manifest" });
    await expect(summary.getByTestId("manifest-sha256")).toHaveText(fileHash);
    const href = await summary.getByRole("link", { name: "Download manifest" }).getAttribute("href");
    const manifest = exportManifestSchema.parse(await (await page.request.get(href!)).json());
    expect(manifest).toMatchObject({ sha256: fileHash, outcome: "complete", created_by: ADA, source: "live from Merge" });
    expect(new URL(manifest.url).searchParams.get("event_type")).toBe("INVITED_USER");
    expect(manifest.count).toBeGreaterThan(0);
  }
  await context.close();
});

test("the access log lists the journey's own actions, and only one's own to someone not an admin", async ({ browser }) => {
  const { context, page } = await signedIn(browser, BOB);
  await openExplorer(page, "/?event_type=DELETED_LINKED_ACCOUNT");
  const firstRow = eventRows(page).first();
  const eventId = await firstRow.getAttribute("data-event-id");
  await firstRow.click();
  await expect(page).toHaveURL(new RegExp(`event=${eventId}`));
  // The detail panel closes before the export (it covers the filter bar on narrow screens).
  await page.keyboard.press("Escape");
  await expect(page).not.toHaveURL(/event=/);
  const fileHash = await exportAndHash(page, "NDJSON");

  await page.goto("/activity");
  const rows = page.getByRole("table", { name: /Access log entries/ }).getByRole("row");
  await expect(rows.filter({ hasText: "Opened an event" }).filter({ hasText: `Event ${eventId}` })).toHaveCount(1);
  await expect(rows.filter({ hasText: "Viewed the explorer" }).filter({ hasText: "event_type=DELETED_LINKED_ACCOUNT" }).first()).toBeVisible();
  const exported = rows.filter({ hasText: "Exported" }).filter({ hasText: "NDJSON" });
  await expect(exported).toHaveCount(1);
  // Bob sees his own entries only, and no Verify.
  await expect(rows.filter({ hasText: ADA })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Verify" })).toHaveCount(0);

  // "Download manifest" on /activity gives the same manifest, naming the file just saved.
  const manifestHref = await exported.getByRole("link", { name: "Download manifest" }).getAttribute("href");
  expect((await (await page.request.get(manifestHref!)).json()).sha256).toBe(fileHash);

  // The filters live in the URL.
  await page.getByRole("combobox", { name: "Action" }).selectOption("export");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/\/activity\?action=export$/);
  await expect(rows.filter({ hasText: "Viewed the explorer" })).toHaveCount(0);
  await expect(exported).toHaveCount(1);

  // Exporting the log is itself an entry.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const csv = await readFile(await (await download).path(), "utf8");
  expect(csv).toContain(",export,");
  await page.goto("/activity?action=access_log_exported");
  await expect(rows.filter({ hasText: "Exported the access log" })).toHaveCount(1);
  await context.close();
});

test("team views are shared between users, personal ones are not", async ({ browser }) => {
  const ada = await signedIn(browser, ADA);
  await openExplorer(ada.page, "/?event_type=INVITED_USER");
  for (const [name, scope] of [["Invitations", "My team"], ["Ada's invitations", "Only me"]] as const) {
    await ada.page.getByRole("button", { name: "Save view" }).click();
    await ada.page.getByRole("textbox", { name: "View name" }).fill(name);
    await ada.page.getByRole("radio", { name: scope }).check();
    await ada.page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(ada.page.getByText(`"${name}"`)).toBeVisible();
  }
  // A name already used in a scope is refused in words.
  await ada.page.getByRole("button", { name: "Save view" }).click();
  await ada.page.getByRole("textbox", { name: "View name" }).fill("Invitations");
  await ada.page.getByRole("radio", { name: "My team" }).check();
  await ada.page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(ada.page.getByText("A team view already has this name")).toBeVisible();
  await ada.context.close();

  const bob = await signedIn(browser, BOB);
  await openExplorer(bob.page, "/");
  await bob.page.getByRole("button", { name: "Views" }).click();
  const views = bob.page.getByRole("region", { name: "Saved views" });
  await expect(views.getByRole("link", { name: "Invitations" })).toBeVisible();
  await expect(views.getByRole("link", { name: "Ada's invitations" })).toHaveCount(0);
  // Not Bob's to change.
  await expect(views.getByRole("button", { name: "Rename Invitations" })).toHaveCount(0);
  await views.getByRole("link", { name: "Invitations" }).click();
  await expect(bob.page).toHaveURL(/\/\?event_type=INVITED_USER$/);
  await bob.context.close();
});

test("Verify names a row edited directly in the database", async ({ browser }) => {
  const { context, page } = await signedIn(browser, ADA);
  await page.goto("/activity");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByText(/^The chain is intact: \d+ entries checked\.$/)).toBeVisible();

  // A superuser switches the trigger off, rewrites who made an export, and switches it on again.
  const edited = await admin(databaseUrl(), async (client) => {
    await client.query("alter table access_log disable trigger access_log_append_only");
    const { rows } = await client.query<{ id: string }>(
      "update access_log set user_email = 'mallory@evil.test' where id = (select min(id) from access_log where action = 'export') returning id",
    );
    await client.query("alter table access_log enable trigger access_log_append_only");
    return rows[0]!.id;
  });
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByText(`The chain is broken at entry ${edited}`, { exact: false })).toBeVisible();
  await context.close();
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`/activity has no serious accessibility violation (${colorScheme})`, async ({ browser }) => {
    const { context, page } = await signedIn(browser, ADA);
    await page.emulateMedia({ colorScheme });
    await page.goto("/activity");
    await expect(page.getByRole("table", { name: /Access log entries/ })).toBeVisible();
    await page.getByRole("button", { name: "Verify" }).click();
    await expect(page.getByText(/The chain is/)).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await context.close();
  });
}

test("with its database down, the explorer still shows and exports events, and says the visit was not recorded", async ({ browser }) => {
  test.setTimeout(120_000);
  // Nothing listens on this port: every write to the records fails at once.
  const downApp = await startApp(5502, {
    MERGE_API_BASE_URL: `${upstream.url}/api`,
    MERGE_API_KEY: SIMULATOR_KEY,
    ARCHIVE: "off",
    DATABASE_URL: "postgres://postgres@127.0.0.1:5549/nothing_here",
    AUTH_ALLOWED_EMAILS: ADA,
  });
  try {
    const context = await browser.newContext({ baseURL: downApp.baseURL, acceptDownloads: true });
    const value = await sessionCookieValue({ email: ADA, name: "ada", provider: "oidc" }, 3600);
    await context.addCookies([{ name: SESSION_COOKIE, value, url: downApp.baseURL }]);
    const page = await context.newPage();
    await openExplorer(page, "/?event_type=INVITED_USER");
    await expect(page.getByText("this visit was not recorded there")).toBeVisible();
    await expect(eventRows(page).first()).toBeVisible();
    await exportAndHash(page, "NDJSON");
    await context.close();
  } finally {
    await downApp.stop();
  }
});
