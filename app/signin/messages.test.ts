import { describe, expect, it } from "vitest";

import { signInNotice } from "@/app/signin/messages";

const open = { noAllowlist: false };

describe("signInNotice", () => {
  it("says nothing on a plain visit", () => {
    expect(signInNotice({}, open)).toBeUndefined();
  });

  it("tells an expired session to sign in again", () => {
    expect(signInNotice({ reason: "expired" }, open)?.title).toBe("Your session expired: sign in again");
    expect(signInNotice({ error: "SessionRequired" }, open)?.title).toBe("Your session expired: sign in again");
  });

  it("explains each way access can be denied", () => {
    expect(signInNotice({ error: "AccessDenied", denied: "not_listed" }, open)?.body).toMatch(/not on this app's allowlist/);
    expect(signInNotice({ error: "AccessDenied", denied: "unverified" }, open)?.body).toMatch(/not verified your email/);
    expect(signInNotice({ error: "AccessDenied", denied: "no_allowlist" }, open)?.body).toMatch(/no allowlist/);
    expect(signInNotice({ error: "AccessDenied", denied: "demo_unavailable" }, open)?.body).toMatch(/demo sign-in only/);
    for (const denied of ["not_listed", "unverified", "no_allowlist"]) {
      expect(signInNotice({ error: "AccessDenied", denied }, open)).toMatchObject({ tone: "error", title: "Access denied" });
    }
  });

  it("blames the missing allowlist when next-auth gives no reason and none is configured", () => {
    expect(signInNotice({ error: "AccessDenied" }, { noAllowlist: true })?.body).toMatch(/AUTH_ALLOWED_EMAILS or AUTH_ALLOWED_DOMAINS/);
    expect(signInNotice({ error: "AccessDenied" }, open)?.body).toMatch(/not on this app's allowlist/);
  });

  it("reports other next-auth errors with their code", () => {
    expect(signInNotice({ error: "OAuthCallback" }, open)).toMatchObject({ title: "Sign-in failed", body: expect.stringContaining("OAuthCallback") });
    expect(signInNotice({ error: "Configuration" }, open)?.title).toBe("Sign-in is misconfigured");
  });

  it("does not echo an error that is not a next-auth code", () => {
    const notice = signInNotice({ error: "Call 555-0100 to unlock your account" }, open);
    expect(notice?.title).toBe("Sign-in failed");
    expect(notice?.body).not.toContain("555");
  });
});
