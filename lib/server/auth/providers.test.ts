import { afterEach, describe, expect, it, vi } from "vitest";

import { parseAuthConfig } from "@/lib/server/auth/config";

// The demo rule is read from the server config, which is cached per process: each case loads the
// modules afresh under its own environment.
async function providerIdsFor(env: Record<string, string>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  const { isDemoSignInEnabled } = await import("@/lib/server/auth/demo");
  const { buildProviders } = await import("@/lib/server/auth/providers");
  const config = parseAuthConfig({ AUTH_OIDC_ISSUER: "https://idp.example", AUTH_OIDC_CLIENT_ID: "c", AUTH_OIDC_CLIENT_SECRET: "s" });
  return buildProviders(config, { demo: isDemoSignInEnabled() }).map((provider) => provider.id);
}

const NO_UPSTREAM = { MERGE_API_KEY: "", MERGE_API_BASE_URL: "", MERGE_REGION: "" };

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("demo sign-in follows the upstream", () => {
  it("is offered with the embedded simulator", async () => {
    expect(await providerIdsFor(NO_UPSTREAM)).toEqual(["oidc", "demo"]);
  });

  it("is offered with a standalone simulator on another host", async () => {
    expect(
      await providerIdsFor({ ...NO_UPSTREAM, MERGE_API_KEY: "k", MERGE_API_BASE_URL: "http://127.0.0.1:4010/api" }),
    ).toEqual(["oidc", "demo"]);
  });

  it("is absent with Merge's hosts, by region or by base URL", async () => {
    expect(await providerIdsFor({ ...NO_UPSTREAM, MERGE_API_KEY: "k" })).toEqual(["oidc"]);
    expect(await providerIdsFor({ ...NO_UPSTREAM, MERGE_API_KEY: "k", MERGE_REGION: "eu" })).toEqual(["oidc"]);
    expect(
      await providerIdsFor({ ...NO_UPSTREAM, MERGE_API_KEY: "k", MERGE_API_BASE_URL: "https://api-ap.merge.dev/api" }),
    ).toEqual(["oidc"]);
  });
});

describe("oidcProvider", () => {
  it("uses discovery, the authorization code flow with PKCE and state, and asks for the email", async () => {
    const { oidcProvider } = await import("@/lib/server/auth/providers");
    const provider = oidcProvider({ issuer: "https://example.okta.com", clientId: "c", clientSecret: "s", name: "Okta" });
    expect(provider).toMatchObject({
      id: "oidc",
      name: "Okta",
      wellKnown: "https://example.okta.com/.well-known/openid-configuration",
      idToken: true,
      checks: ["pkce", "state"],
      authorization: { params: { scope: "openid email profile" } },
    });
  });
});
