import { describe, expect, it, vi } from "vitest";

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

describe("the server's start (instrumentation's register)", () => {
  const BLANK = { MERGE_API_KEY: "", MERGE_API_BASE_URL: "", AUTH_OIDC_ISSUER: "", AUTH_OIDC_CLIENT_ID: "", AUTH_OIDC_CLIENT_SECRET: "" };
  const mergeUpstream = { MERGE_API_KEY: "a-merge-key" };
  const provider = { ...oidc, AUTH_ALLOWED_DOMAINS: "example.com" };

  async function start(env: Record<string, string>): Promise<{ exitCode: number | undefined; logged: string }> {
    vi.unstubAllEnvs();
    for (const [name, value] of Object.entries({ ...BLANK, NEXT_RUNTIME: "nodejs", NEXTAUTH_SECRET: "", ...env })) {
      vi.stubEnv(name, value);
    }
    vi.resetModules();
    let exitCode: number | undefined;
    const exit = vi.spyOn(process, "exit").mockImplementation((code) => {
      exitCode = Number(code);
      return undefined as never;
    });
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      const { register } = await import("@/instrumentation");
      await register();
      return { exitCode, logged: error.mock.calls.flat().join("\n") };
    } finally {
      exit.mockRestore();
      vi.restoreAllMocks();
      vi.unstubAllEnvs();
    }
  }

  it.each(["development", "test", "production"])(
    "stops with NODE_ENV=%s when an identity provider or Merge is configured without NEXTAUTH_SECRET",
    async (NODE_ENV) => {
      for (const env of [provider, mergeUpstream, { ...provider, NEXTAUTH_SECRET: "too-short" }]) {
        const { exitCode, logged } = await start({ NODE_ENV, ...env });
        expect(exitCode).toBe(1);
        expect(logged).toMatch(/Refusing to start: NEXTAUTH_SECRET/);
      }
    },
  );

  it.each(["development", "test"])("starts on the development secret with NODE_ENV=%s for demo data alone", async (NODE_ENV) => {
    expect(await start({ NODE_ENV })).toEqual({ exitCode: undefined, logged: "" });
  });

  it("starts with a proper secret in production, whatever is configured", async () => {
    const secret = "q3P9vXh2Lr8sT1wYz6Bn4Kc7Md0Fg5Ja";
    expect(await start({ NODE_ENV: "production", ...provider, ...mergeUpstream, NEXTAUTH_SECRET: secret })).toEqual({
      exitCode: undefined,
      logged: "",
    });
  });
});
