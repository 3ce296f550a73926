import { defineConfig, devices } from "@playwright/test";

import { CHROMIUM_ARGS, chromiumExecutablePath } from "../testing/chromium";

// Runs only the auth journeys, for working on them alone; the suite's playwright.config.ts runs
// them together with everything else. Each spec starts its own app and IdP.
export default defineConfig({
  testDir: ".",
  testMatch: ["auth-*.spec.ts"],
  workers: 1,
  reporter: "list",
  use: {
    ...devices["Desktop Chrome"],
    launchOptions: { executablePath: chromiumExecutablePath(), args: CHROMIUM_ARGS },
    trace: "retain-on-failure",
  },
});
