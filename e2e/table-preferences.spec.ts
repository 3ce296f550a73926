import { eventRows, openExplorer } from "./support/explorer";
import { simulatorFirstPage } from "./support/simulator";
import { expect, test } from "./support/test";

// View preferences belong to the browser, not the link: hidden columns and the UTC choice survive
// a reload; times are in the browser's zone by default, with the exact ISO time on hover.

test.use({ timezoneId: "Asia/Tokyo" });

test("hidden columns are remembered by this browser", async ({ page }) => {
  await openExplorer(page, "/");
  await expect(page.getByRole("columnheader", { name: "IP address" })).toBeVisible();
  await page.getByRole("button", { name: "Columns" }).click();
  await page.getByRole("checkbox", { name: "IP address" }).uncheck();
  await expect(page.getByRole("columnheader", { name: "IP address" })).toHaveCount(0);

  await page.reload();
  await expect(eventRows(page).first()).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "IP address" })).toHaveCount(0);
  await expect(page.getByRole("columnheader", { name: "Description" })).toBeVisible();
});

test("times are local by default, UTC on request, exact on hover", async ({ page }) => {
  const [event] = await simulatorFirstPage({});
  await openExplorer(page, "/");
  const time = page.locator(`tr[data-event-id="${event!.id}"] time`);
  await expect(page.getByText("Times in Asia/Tokyo")).toBeVisible();
  await expect(time).toHaveAttribute("title", event!.created_at);
  const tokyo = new Date(Date.parse(event!.created_at) + 9 * 3600_000).toISOString().slice(0, 19).replace("T", " ");
  await expect(time).toHaveText(tokyo);

  await page.getByRole("button", { name: "UTC" }).click();
  await expect(page.getByText("Times in UTC")).toBeVisible();
  await expect(time).toHaveText(event!.created_at.slice(0, 19).replace("T", " "));
  await page.reload();
  await expect(page.getByRole("button", { name: "UTC" })).toHaveAttribute("aria-pressed", "true");
});
