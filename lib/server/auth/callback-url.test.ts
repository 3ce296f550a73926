import { describe, expect, it } from "vitest";

import { safeCallbackPath } from "@/lib/server/auth/callback-url";
import { HOSTILE_CALLBACKS, HOSTILE_HOST, staysOnOrigin } from "@/testing/hostile-callbacks";

const APP = "http://127.0.0.1:3200";

describe("safeCallbackPath", () => {
  it("keeps a shared filtered URL exactly", () => {
    const shared = "/?user_email=a%40b.com&event_type=INVITED_USER";
    expect(safeCallbackPath(shared)).toBe(shared);
    expect(safeCallbackPath("/events/42?page_size=50#row-3")).toBe("/events/42?page_size=50#row-3");
  });

  it("turns an absolute URL on this app into a path, and refuses other origins", () => {
    expect(safeCallbackPath("http://127.0.0.1:3200/?event_type=INVITED_USER", "http://127.0.0.1:3200")).toBe(
      "/?event_type=INVITED_USER",
    );
    expect(safeCallbackPath("https://evil.example/?x=1", "http://127.0.0.1:3200")).toBe("/");
    expect(safeCallbackPath("http://127.0.0.1:3201/", "http://127.0.0.1:3200")).toBe("/");
    expect(safeCallbackPath("https://evil.example/")).toBe("/");
  });

  it("refuses protocol-relative and disguised off-site paths", () => {
    for (const value of ["//evil.example/x", "/\\evil.example", "\\\\evil.example", "/\t/evil.example", "javascript:alert(1)"]) {
      expect(safeCallbackPath(value, "http://127.0.0.1:3200")).toBe("/");
    }
  });

  it.each(HOSTILE_CALLBACKS.map((value) => [JSON.stringify(value), value]))(
    "resolves %s before judging it, and keeps the result on this origin",
    (_, value) => {
      for (const appOrigin of [APP, undefined]) {
        const path = safeCallbackPath(value, appOrigin);
        expect(staysOnOrigin(path, APP)).toBe(true);
        expect(path).not.toContain(`//${HOSTILE_HOST}`);
      }
    },
  );

  it("reads dot segments and encoded dots as the browser does, and keeps what then stays here", () => {
    expect(safeCallbackPath("/a/./b/../c?x=1")).toBe("/a/c?x=1");
    expect(safeCallbackPath("/%2e%2e/?page_size=50")).toBe("/?page_size=50");
    expect(safeCallbackPath("/.//evil.example")).toBe("/");
  });

  it("does not send people back to sign-in or next-auth's endpoints", () => {
    expect(safeCallbackPath("/signin?callbackUrl=%2F")).toBe("/");
    expect(safeCallbackPath("/api/auth/signout")).toBe("/");
  });

  it("falls back to the home page when nothing usable is given", () => {
    expect(safeCallbackPath(undefined)).toBe("/");
    expect(safeCallbackPath("")).toBe("/");
    expect(safeCallbackPath("http://")).toBe("/");
  });
});
