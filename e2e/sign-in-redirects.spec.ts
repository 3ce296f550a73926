import { HOSTILE_CALLBACKS, staysOnOrigin } from "@/testing/hostile-callbacks";

import { APP_URL } from "./support/env";
import { expect, test } from "./support/test";

// A signed-in visitor to /signin is sent straight on to its callbackUrl: whatever that says, the
// redirect stays on this app (the production build, so the check is Next's real redirect).

test("/signin sends a signed-in user only to a path on this app, whatever the callbackUrl says", async ({ page }) => {
  for (const value of HOSTILE_CALLBACKS) {
    const response = await page.request.get(`/signin?callbackUrl=${encodeURIComponent(value)}`, { maxRedirects: 0 });
    expect(response.status(), value).toBe(307);
    const location = response.headers()["location"] ?? "";
    expect(staysOnOrigin(location, APP_URL), `${JSON.stringify(value)} redirected to ${location}`).toBe(true);
  }
});

test("/signin still returns a signed-in user to a shared view", async ({ page }) => {
  const shared = "/?user_email=a%40b.com&event_type=INVITED_USER";
  const response = await page.request.get(`/signin?callbackUrl=${encodeURIComponent(shared)}`, { maxRedirects: 0 });
  expect(response.status()).toBe(307);
  expect(new URL(response.headers()["location"] ?? "", APP_URL).toString()).toBe(`${APP_URL}${shared}`);
});
