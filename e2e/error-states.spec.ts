import { API_ERRORS } from "@/lib/api-errors";

import { eventsRegion } from "./support/explorer";
import { FAILING_APP_URL, RATE_LIMITED_APP_URL } from "./support/env";
import { expect, test } from "./support/test";

// Failures in words, each with a way forward. Two more servers of the same build read simulators
// that fail every request: one rate-limits (429, Retry-After 30 s), one answers 500. The session
// cookie is per host, so the demo session signed in on the main app is valid on them too.

test("a rate limit says so, counts down, retries by itself, and offers Retry", async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto(`${RATE_LIMITED_APP_URL}/`);
  const message = page.getByText(/^Merge is rate-limiting requests; retrying in \d+ s$/);
  const secondsLeft = async () => Number((await message.textContent())?.match(/(\d+) s$/)?.[1]);
  await expect(message).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("button", { name: "Retry" })).toBeVisible();
  const first = await secondsLeft();
  await expect.poll(secondsLeft).toBeLessThan(first);

  // At zero it asks again by itself; still limited, it starts a fresh countdown.
  await page.waitForRequest((request) => request.url().includes("/api/audit-trail"), { timeout: (first + 10) * 1000 });
  await expect.poll(secondsLeft, { timeout: 15_000 }).toBeGreaterThan(first - 5);
});

// After a few failing answers for this user, the failure guard holds their requests back for the
// rest of Merge's 10 s window, and says so with a countdown (other specs may fail there too).
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const UNAVAILABLE_OR_HELD = new RegExp(
  `^(${escape(API_ERRORS.upstream_unavailable.message)}|` +
    `(${escape(API_ERRORS.held_back.userMessage)}|${escape(API_ERRORS.held_back.message)}); retrying in \\d+ s)$`,
);

test("an upstream outage says Merge is unavailable, and Retry asks again", async ({ page }) => {
  await page.goto(`${FAILING_APP_URL}/`);
  await expect(page.getByText(UNAVAILABLE_OR_HELD)).toBeVisible({ timeout: 30_000 });
  const retried = page.waitForRequest((request) => request.url().includes("/api/audit-trail"));
  await page.getByRole("button", { name: "Retry" }).click();
  await retried;
  await expect(page.getByText(UNAVAILABLE_OR_HELD)).toBeVisible({ timeout: 30_000 });
});

test("an expired session says so and links to sign-in, back to the same view", async ({ page }) => {
  await page.goto("/?page_size=30&user_email=olivia.bennett%40northwindhr.com");
  // The prefetched second page has arrived: what follows is a request of our making.
  await expect(page.getByText("Showing 60 events")).toBeVisible();
  await page.context().clearCookies();
  // Reaching the end of the loaded rows asks for the next page, now without a session.
  await eventsRegion(page).evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
  await expect(page.getByText("Your session expired: sign in again")).toBeVisible();
  const href = await page.getByRole("link", { name: "Sign in" }).getAttribute("href");
  const callbackUrl = new URL(href!, "http://x").searchParams.get("callbackUrl");
  expect(callbackUrl).toBe("/?page_size=30&user_email=olivia.bennett%40northwindhr.com");
});
