// The app keeps one failure guard per process on globalThis (see lib/server/merge/failure-guard.ts),
// so every source a test builds shares it. A fresh process has a fresh guard: tests that make Merge
// fail on purpose start from one, so one test's failures never hold back the next test's requests.
// A source takes the guard when it is built: reset before building the routes under test.

export function resetProcessFailureGuard(): void {
  globalThis.mergeFailureGuard = undefined;
}
