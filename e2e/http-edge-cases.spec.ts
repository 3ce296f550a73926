import { request as httpRequest } from "node:http";

import { APP_URL } from "./support/env";
import { eventRows } from "./support/explorer";
import { expect, test } from "./support/test";

// Requests that Next itself mishandled, against the production build: a TRACE (a bare 500 without
// security headers) and a `__proto__` key (dropped by Next's query parse, so served unfiltered).

function trace(path: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined> }> {
  const { hostname, port } = new URL(APP_URL);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: hostname, port, method: "TRACE", path }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on("error", reject);
    req.end();
  });
}

test("TRACE is a 405 with Allow and the security headers, like any method no route serves", async () => {
  for (const path of ["/", "/api/audit-trail", "/signin"]) {
    const response = await trace(path);
    expect(response.status, path).toBe(405);
    expect(response.headers["allow"]).toBe("GET, HEAD");
    expect(response.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
  }
});

test("__proto__ in an API query is an unknown parameter, like any other", async ({ page }) => {
  const response = await page.request.get("/api/audit-trail?__proto__=1&page_size=5");
  expect(response.status()).toBe(400);
  expect(await response.json()).toEqual({
    error: { code: "invalid_filter", message: 'Unknown parameter "__proto__"', field: "__proto__" },
  });
  const exported = await page.request.get("/api/audit-trail/export?format=csv&__proto__=1");
  expect(exported.status()).toBe(400);
});

test("__proto__ in a shared link is a stray parameter like any other: ignored, and said so once", async ({ page }) => {
  await page.goto("/?__proto__=1&page_size=50");
  await expect(page.getByText(/This link's __proto__ was ignored/)).toHaveCount(1);
  // The rest of the link applies, as with any stray parameter.
  await expect(eventRows(page).first()).toBeVisible();
});
