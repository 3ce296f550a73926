import { describe, expect, it } from "vitest";

import { DEFAULT_OIDC_NAME, hasRealProvider, parseAuthConfig } from "@/lib/server/auth/config";

describe("parseAuthConfig", () => {
  it("reads a generic OpenID Connect provider, trimming the issuer's trailing slash", () => {
    const config = parseAuthConfig({
      AUTH_OIDC_ISSUER: "https://example.okta.com/oauth2/default/",
      AUTH_OIDC_CLIENT_ID: "client",
      AUTH_OIDC_CLIENT_SECRET: "secret",
      AUTH_OIDC_NAME: "Okta",
    });
    expect(config.oidc).toEqual({
      issuer: "https://example.okta.com/oauth2/default",
      clientId: "client",
      clientSecret: "secret",
      name: "Okta",
    });
    expect(hasRealProvider(config)).toBe(true);
  });

  it("names the provider generically when no display name is set", () => {
    const config = parseAuthConfig({ AUTH_OIDC_ISSUER: "https://a.example", AUTH_OIDC_CLIENT_ID: "c", AUTH_OIDC_CLIENT_SECRET: "s" });
    expect(config.oidc?.name).toBe(DEFAULT_OIDC_NAME);
  });

  it("has no real provider when nothing is set (blank counts as unset)", () => {
    const config = parseAuthConfig({ AUTH_OIDC_ISSUER: " ", AUTH_GITHUB_ID: "" });
    expect(config.oidc).toBeUndefined();
    expect(config.github).toBeUndefined();
    expect(hasRealProvider(config)).toBe(false);
  });

  it("names the missing variables of a half-configured provider", () => {
    expect(() => parseAuthConfig({ AUTH_OIDC_ISSUER: "https://a.example" })).toThrow(
      /AUTH_OIDC_CLIENT_ID, AUTH_OIDC_CLIENT_SECRET must be set/,
    );
    expect(() => parseAuthConfig({ AUTH_GITHUB_SECRET: "s" })).toThrow(/AUTH_GITHUB_ID must be set/);
  });

  it("rejects an issuer that is not an http(s) URL", () => {
    expect(() =>
      parseAuthConfig({ AUTH_OIDC_ISSUER: "example.okta.com", AUTH_OIDC_CLIENT_ID: "c", AUTH_OIDC_CLIENT_SECRET: "s" }),
    ).toThrow(/AUTH_OIDC_ISSUER must be an http\(s\) URL/);
  });

  it("reads GitHub and the allowlist", () => {
    const config = parseAuthConfig({
      AUTH_GITHUB_ID: "id",
      AUTH_GITHUB_SECRET: "secret",
      AUTH_ALLOWED_EMAILS: "a@example.com",
    });
    expect(config.github).toEqual({ clientId: "id", clientSecret: "secret" });
    expect([...config.allowlist.emails]).toEqual(["a@example.com"]);
  });
});
