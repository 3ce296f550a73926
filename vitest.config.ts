import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(__dirname),
      // The guard throws outside Next's server bundles; tests load server modules directly.
      "server-only": path.resolve(__dirname, "testing/empty-module.ts"),
    },
  },
  test: {
    include: ["{app,components,lib,scripts,testing}/**/*.test.{ts,tsx}", "proxy.test.ts"],
    environment: "node",
    // Checks TEST_DATABASE_URL once: the archive's tests run on PGlite, and on that server when set.
    globalSetup: ["testing/vitest-global-setup.ts"],
    testTimeout: 30_000,
    // CI reads the JSON report to print its one-line total (scripts/ci-summary.mjs).
    reporters: process.env.CI ? ["default", "json"] : ["default"],
    outputFile: { json: "test-reports/unit.json" },
  },
});
