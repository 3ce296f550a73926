import { describe, expect, it } from "vitest";

import { parseAuthConfig } from "@/lib/server/auth/config";
import { describeLockouts } from "@/lib/server/auth/startup";

const oidc = {
  AUTH_OIDC_ISSUER: "https://example.okta.com",
  AUTH_OIDC_CLIENT_ID: "client",
  AUTH_OIDC_CLIENT_SECRET: "secret",
};
const context = { demoEnabled: true, production: true, appUrl: "https://audit.example.com" };

describe("describeLockouts", () => {
  it("warns that nobody is let in when a provider has no allowlist", () => {
    const warnings = describeLockouts(parseAuthConfig(oidc), context);
    expect(warnings).toEqual([expect.stringMatching(/AUTH_ALLOWED_EMAILS nor AUTH_ALLOWED_DOMAINS.*nobody/)]);
  });

  it("is quiet for a provider with an allowlist, or for demo sign-in alone", () => {
    expect(describeLockouts(parseAuthConfig({ ...oidc, AUTH_ALLOWED_DOMAINS: "example.com" }), context)).toEqual([]);
    expect(describeLockouts(parseAuthConfig({}), context)).toEqual([]);
  });

  it("warns when Merge is the upstream and no provider is configured", () => {
    expect(describeLockouts(parseAuthConfig({}), { ...context, demoEnabled: false })).toEqual([
      expect.stringMatching(/nobody can sign in/),
    ]);
  });

  it("warns about a missing NEXTAUTH_URL in production only", () => {
    const config = parseAuthConfig({});
    expect(describeLockouts(config, { ...context, appUrl: undefined })).toEqual([expect.stringMatching(/NEXTAUTH_URL/)]);
    expect(describeLockouts(config, { ...context, production: false, appUrl: undefined })).toEqual([]);
  });
});
