import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

import type { APIResponse } from "@playwright/test";

import { APP_URL, E2E_MERGE_API_KEY, FAILING_APP_URL, RATE_LIMITED_APP_URL } from "./support/env";
import { expect, test } from "./support/test";

// The Merge key lives in the server's environment only. Whatever the build ships to browsers and
// whatever the app answers, signed in or not, healthy or failing upstream, must never contain it.

const DIST_DIR = path.resolve(process.env.NEXT_DIST_DIR || ".next");

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

/** Header values and body of an answer, as one searchable text. */
async function wholeAnswer(response: APIResponse): Promise<string> {
  const headers = response.headersArray().map(({ name, value }) => `${name}: ${value}`);
  return `${headers.join("\n")}\n\n${(await response.body()).toString("utf8")}`;
}

test("the client bundles and prerendered pages do not contain the key", async () => {
  const shipped = await filesUnder(path.join(DIST_DIR, "static"));
  // Prerendered pages (the sign-in page) are served as they were built.
  const prerendered = (await filesUnder(path.join(DIST_DIR, "server", "app"))).filter((file) =>
    /\.(html|rsc|body|meta|json)$/.test(file),
  );
  expect(shipped.filter((file) => file.endsWith(".js")).length, `JavaScript bundles under ${DIST_DIR}/static`).toBeGreaterThan(0);

  const leaks: string[] = [];
  for (const file of [...shipped, ...prerendered]) {
    if ((await readFile(file)).includes(E2E_MERGE_API_KEY)) leaks.push(path.relative(DIST_DIR, file));
  }
  expect(leaks).toEqual([]);
});

test("no page or API answer contains the key, with a session or without", async ({ context, playwright }) => {
  const signedIn = context.request;
  // Explicitly empty: the runner would otherwise hand this context the project's saved session.
  const anonymous = await playwright.request.newContext({ baseURL: APP_URL, storageState: { cookies: [], origins: [] } });
  const calls: Array<[string, Promise<APIResponse>]> = [];
  const call = (label: string, response: Promise<APIResponse>) => calls.push([label, response]);

  for (const route of ["/", "/signin", "/?user_email=olivia.bennett%40northwindhr.com&page_size=50"]) {
    call(`signed in ${route}`, signedIn.get(route));
    call(`anonymous ${route}`, anonymous.get(route, { maxRedirects: 0 }));
  }
  for (const query of ["", "?page_size=10", "?foo=1", "?page_size=500", `?cursor=${encodeURIComponent(btoa("p=junk"))}`]) {
    call(`signed in /api/audit-trail${query}`, signedIn.get(`/api/audit-trail${query}`));
    call(`anonymous /api/audit-trail${query}`, anonymous.get(`/api/audit-trail${query}`));
  }
  call("signed in export", signedIn.get("/api/audit-trail/export?format=json&event_type=INVITED_USER"));
  call("signed in export, bad filter", signedIn.get("/api/audit-trail/export?format=csv&start_date=yesterday"));
  call("anonymous export", anonymous.get("/api/audit-trail/export?format=csv"));
  call("session endpoint", signedIn.get("/api/auth/session"));
  // The session cookie is scoped to the host, so it opens the apps on the other ports too.
  call("rate-limited upstream", signedIn.get(`${RATE_LIMITED_APP_URL}/api/audit-trail`));
  call("failing upstream", signedIn.get(`${FAILING_APP_URL}/api/audit-trail`));
  call("failing upstream page", signedIn.get(`${FAILING_APP_URL}/`));

  const statuses: Record<string, number> = {};
  for (const [label, pending] of calls) {
    const response = await pending;
    statuses[label] = response.status();
    expect(await wholeAnswer(response), label).not.toContain(E2E_MERGE_API_KEY);
  }
  await anonymous.dispose();

  // The checks above only mean something if the calls reached what they were meant to reach.
  expect(statuses).toMatchObject({
    "signed in /api/audit-trail?page_size=10": 200,
    "anonymous /api/audit-trail?page_size=10": 401,
    "signed in /api/audit-trail?foo=1": 400,
    "signed in export": 200,
    "rate-limited upstream": 503,
    "failing upstream": 503,
  });
});
