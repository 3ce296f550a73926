import { eventRows, openExplorer } from "./support/explorer";
import { simulatorFirstPage } from "./support/simulator";
import { expect, test } from "./support/test";

// A shared link shows data at first paint: the server renders the first page's rows into the HTML,
// before any JavaScript runs or any call to our API.

test("the HTML of a filtered link already holds the first page's rows, in order", async ({ page }) => {
  const user = "olivia.bennett@northwindhr.com";
  const expected = (await simulatorFirstPage({ user_email: user })).map((event) => event.id);
  expect(expected.length).toBe(30);

  // The page's own request context carries the signed-in session.
  const response = await page.request.get(`/?user_email=${encodeURIComponent(user)}`);
  expect(response.status()).toBe(200);
  const html = await response.text();
  const rendered = [...html.matchAll(/data-event-id="([^"]+)"/g)].map((match) => match[1]);
  expect(rendered).toEqual(expected);
  expect(html).toContain("olivia.bennett@northwindhr.com");
  // The suite reads a simulator, not Merge: the page says so from the first paint.
  expect(html).toContain("Demo data");
});

test("until its JavaScript runs, the page shows the rows and its controls are disabled, never dead", async ({ page }) => {
  await page.route(/\/_next\/static\/.*\.js(\?|$)/, (route) => route.abort());
  await page.goto("/");
  await expect(eventRows(page).first()).toBeVisible();
  const controls = [
    page.getByRole("button", { name: "Sign out" }),
    page.getByRole("combobox", { name: "User email" }),
    page.getByRole("button", { name: "Export", exact: true }),
    page.getByRole("button", { name: "UTC" }),
  ];
  for (const control of controls) await expect(control).toBeDisabled();

  await page.unroute(/\/_next\/static\/.*\.js(\?|$)/);
  await page.reload();
  for (const control of controls) await expect(control).toBeEnabled();
});

test("a live range is resolved by the server under the browser's own key: its rows are not asked again", async ({ page }) => {
  // 90 days back from the machine's clock reaches the pinned trail (E2E_SIMULATOR_NOW) for a while yet.
  const firstPages: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.pathname === "/api/audit-trail" && url.searchParams.get("page_size") === "30" && !url.searchParams.has("cursor")) {
      firstPages.push(url.search);
    }
  });
  await openExplorer(page, "/?range=90d");
  await expect(eventRows(page).first()).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Date range" })).toHaveValue("90d");
  await page.waitForLoadState("networkidle");
  expect(firstPages).toEqual([]);
});
