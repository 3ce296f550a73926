import { expect, test as setup } from "@playwright/test";

import { DEMO_STORAGE_STATE } from "./support/env";

// Signs in once with the demo button at the suite's app and saves the session for every spec
// that depends on the "setup" project.

setup("sign in as the demo user", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin/);
  await page.getByRole("button", { name: "Sign in as demo user" }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/");
  await expect(page.getByRole("banner").getByText("demo@example.com")).toBeVisible();
  await page.context().storageState({ path: DEMO_STORAGE_STATE });
});
