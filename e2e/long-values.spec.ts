import type { Page } from "@playwright/test";

import { auditTrailPageSchema } from "@/lib/audit-event";

import { eventRows, openExplorer } from "./support/explorer";
import { expect, test } from "./support/test";

// Long values in the table: a description wraps (long URLs too) to at most three lines, the rest is
// in the detail; an IP address is never cut. Checked at 1440 px with values longer than the pinned
// data holds, put into the first page the browser asks for.

test.use({ viewport: { width: 1440, height: 900 } });

const LONG_IPV6 = "2001:0db8:85a3:0000:0000:8a2e:0370:7334";
const URL_DESCRIPTION =
  "Changed webhook target from https://hooks.northwind.example/merge/4f1c9a7e to https://hooks.northwind.example/merge/0b1c2d3e";
const VERY_LONG_DESCRIPTION = `Updated the field mapping: ${"employee.custom_fields.cost_center -> workday.cost_center_reference, ".repeat(12)}done`;

/** Serves the browser's next first page (page size 50) with long values in its first two events. */
async function withLongValues(page: Page): Promise<{ urlRow: string; longRow: string }> {
  const ids = { urlRow: "", longRow: "" };
  await page.route(
    (url) => url.pathname === "/api/audit-trail" && url.searchParams.get("page_size") === "50" && !url.searchParams.has("cursor"),
    async (route) => {
      const response = await route.fetch();
      const body = auditTrailPageSchema.parse(await response.json());
      const [first, second] = body.results;
      body.results[0] = { ...first!, ip_address: LONG_IPV6, event_description: URL_DESCRIPTION };
      body.results[1] = { ...second!, event_description: VERY_LONG_DESCRIPTION };
      ids.urlRow = first!.id;
      ids.longRow = second!.id;
      await route.fulfill({ response, json: body });
    },
  );
  await page.getByRole("combobox", { name: "Page size" }).selectOption("50");
  await expect.poll(() => ids.longRow).not.toBe("");
  return ids;
}

function cell(page: Page, id: string, column: number) {
  return page.locator(`tr[data-event-id="${id}"]`).getByRole("cell").nth(column);
}

test("a long IPv6 address is never cut, and a description with long URLs is read in full", async ({ page }) => {
  await openExplorer(page, "/");
  await expect(eventRows(page).first()).toBeVisible();
  const { urlRow } = await withLongValues(page);

  const ip = cell(page, urlRow, 5);
  await expect(ip).toHaveText(LONG_IPV6);
  // Nothing of it is hidden: the cell holds its whole text within its width.
  expect(await ip.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);

  const description = cell(page, urlRow, 4).locator("span");
  await expect(description).toHaveText(URL_DESCRIPTION);
  const size = await description.evaluate((element) => ({
    height: element.scrollHeight - element.clientHeight,
    width: element.scrollWidth - element.clientWidth,
  }));
  expect(size, "text beyond the cell's box").toEqual({ height: 0, width: 0 });
});

test("a very long description shows at most three lines, and the rest in the detail", async ({ page }) => {
  await openExplorer(page, "/");
  await expect(eventRows(page).first()).toBeVisible();
  const { longRow } = await withLongValues(page);

  const description = cell(page, longRow, 4).locator("span");
  await expect(description).toHaveText(VERY_LONG_DESCRIPTION);
  const { lines, clamped } = await description.evaluate((element) => ({
    lines: Math.round(element.clientHeight / parseFloat(getComputedStyle(element).lineHeight)),
    clamped: element.scrollHeight > element.clientHeight,
  }));
  expect({ lines, clamped }).toEqual({ lines: 3, clamped: true });

  await page.locator(`tr[data-event-id="${longRow}"]`).click();
  const detail = page.getByRole("dialog");
  await expect(detail.getByText(VERY_LONG_DESCRIPTION, { exact: true })).toBeVisible();
});
