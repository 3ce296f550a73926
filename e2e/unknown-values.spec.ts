import { eventRows, openExplorer } from "./support/explorer";
import { expect, test } from "./support/test";

// Merge adds event types and roles every year: values the app does not know yet are shown as they
// come, never dropped. The simulator emits two such event types and an AUDITOR role.

test("an unknown event type and an unknown role render as their codes", async ({ page }) => {
  await openExplorer(page, "/?event_type=EXPORTED_AUDIT_TRAIL");
  await expect(eventRows(page).first()).toBeVisible();

  const rows = eventRows(page);
  const count = await rows.count();
  expect(count).toBeGreaterThan(0);
  for (let index = 0; index < count; index++) {
    await expect(rows.nth(index).getByRole("cell").nth(3)).toContainText("EXPORTED_AUDIT_TRAIL");
  }
  await expect(rows.first()).toContainText("Unrecognised event type");
  await expect(page.getByRole("cell", { name: "AUDITOR" }).first()).toBeVisible();

  await rows.first().click();
  await expect(page.getByRole("dialog").getByText("EXPORTED_AUDIT_TRAIL").first()).toBeVisible();
});
