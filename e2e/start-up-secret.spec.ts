import { startUntilExit } from "./support/start-until-exit";
import { expect, test } from "./support/test";

// The production build, started for real: with an identity provider or Merge configured and no
// usable NEXTAUTH_SECRET it must stop at once, naming the variable, whatever NODE_ENV says (the
// public development secret would otherwise sign its sessions).

const PORT = 3233;

test.describe.configure({ mode: "default" });

for (const NODE_ENV of ["development", "test", "production"] as const) {
  test(`next start stops without NEXTAUTH_SECRET when an identity provider is configured (NODE_ENV=${NODE_ENV})`, async () => {
    test.setTimeout(60_000);
    const { code, output } = await startUntilExit(PORT, {
      NODE_ENV,
      NEXTAUTH_URL: `http://127.0.0.1:${PORT}`,
      AUTH_OIDC_ISSUER: "https://idp.example.test",
      AUTH_OIDC_CLIENT_ID: "client",
      AUTH_OIDC_CLIENT_SECRET: "secret",
      AUTH_ALLOWED_DOMAINS: "example.com",
    });
    expect(code).toBe(1);
    expect(output).toContain("Refusing to start: NEXTAUTH_SECRET is not set");
  });
}
