import { afterEach, expect, it, vi } from "vitest";

import setup from "./vitest-global-setup";

// The run says whether the archive's tests also ran on a PostgreSQL server: one line when the
// variant is skipped, and a failed run (one line, no password) when a server is named but silent.

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

it("says in one line that the PostgreSQL variant is skipped when TEST_DATABASE_URL is unset", async () => {
  vi.stubEnv("TEST_DATABASE_URL", "");
  const log = vi.spyOn(console, "log").mockImplementation(() => {});
  await setup();
  expect(log.mock.calls).toEqual([[expect.stringMatching(/^TEST_DATABASE_URL is not set: .*PostgreSQL variant skipped\)$/)]]);
});

it("fails the run, in one line naming the server, when TEST_DATABASE_URL is set and no server answers", async () => {
  vi.stubEnv("TEST_DATABASE_URL", "postgres://postgres:hunter2@127.0.0.1:9/test");
  const failure = await setup().then(
    () => undefined,
    (error: unknown) => (error instanceof Error ? error.message : String(error)),
  );
  expect(failure).toMatch(/^TEST_DATABASE_URL is set but no PostgreSQL server answers at 127\.0\.0\.1:9: /);
  expect(failure).not.toContain("\n");
  expect(failure).not.toContain("hunter2");
});
