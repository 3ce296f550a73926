import { beforeAll, describe, expect, it, vi } from "vitest";

import { HOSTILE_CALLBACKS, staysOnOrigin } from "@/testing/hostile-callbacks";

const BASE_URL = "https://audit.example.test";

type RedirectCallback = (params: { url: string; baseUrl: string }) => string | PromiseLike<string>;
let redirectCallback: RedirectCallback;

beforeAll(async () => {
  vi.stubEnv("MERGE_API_KEY", "");
  vi.stubEnv("MERGE_API_BASE_URL", "");
  vi.stubEnv("NEXTAUTH_SECRET", "options-test-secret-0123456789abcdef0123");
  vi.stubEnv("AUTH_ALLOWED_EMAILS", "alice@example.com");
  vi.resetModules();
  const { getAuthOptions } = await import("@/lib/server/auth/options");
  const callback = getAuthOptions().callbacks?.redirect;
  if (!callback) throw new Error("the auth options have no redirect callback");
  redirectCallback = callback;
});

describe("next-auth's redirect callback", () => {
  it("keeps a shared link on this app, as a path on the public URL", async () => {
    const shared = "/?user_email=a%40b.com&event_type=INVITED_USER";
    expect(await redirectCallback({ url: shared, baseUrl: BASE_URL })).toBe(`${BASE_URL}${shared}`);
    expect(await redirectCallback({ url: `${BASE_URL}${shared}`, baseUrl: BASE_URL })).toBe(`${BASE_URL}${shared}`);
  });

  it.each(HOSTILE_CALLBACKS.map((value) => [JSON.stringify(value), value]))(
    "never leaves this app for %s",
    async (_, value) => {
      const target = await redirectCallback({ url: value, baseUrl: BASE_URL });
      expect(target.startsWith(`${BASE_URL}/`)).toBe(true);
      expect(staysOnOrigin(target, BASE_URL)).toBe(true);
    },
  );
});
