import "server-only";

import { z } from "zod";

import type { Provider } from "next-auth/providers/index";
import type { OAuthConfig } from "next-auth/providers/oauth";

import type { AuthConfig, OidcConfig } from "@/lib/server/auth/config";
import { demoProvider } from "@/lib/server/auth/demo";
import { githubProvider } from "@/lib/server/auth/github";
import { readIdentity } from "@/lib/server/auth/identity";

export const OIDC_PROVIDER_ID = "oidc";

const claimsSchema = z.looseObject({ sub: z.string() });
type OidcClaims = z.infer<typeof claimsSchema>;

/** The payload of an ID token that openid-client has already validated (signature, iss, aud, exp). */
function idTokenClaims(idToken: string | undefined): OidcClaims {
  const payload = idToken?.split(".")[1];
  if (!payload) throw new Error("the token response has no ID token");
  return claimsSchema.parse(JSON.parse(Buffer.from(payload, "base64url").toString("utf8")));
}

/**
 * Any OpenID Connect IdP (Okta, Google Workspace, Entra ID, Auth0, Keycloak): discovery from the
 * issuer, authorization code flow with PKCE and state. Claims are the ID token's merged with the
 * userinfo endpoint's, because several IdPs (Okta's org server, oidc-provider) leave email out of
 * the ID token when an access token is issued.
 */
export function oidcProvider(config: OidcConfig): OAuthConfig<OidcClaims> {
  return {
    id: OIDC_PROVIDER_ID,
    name: config.name,
    type: "oauth",
    wellKnown: `${config.issuer}/.well-known/openid-configuration`,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state"],
    userinfo: {
      async request({ client, tokens }) {
        const claims = idTokenClaims(tokens.id_token);
        if (!client.issuer.metadata.userinfo_endpoint || !tokens.access_token) return claims;
        const userinfo = claimsSchema.parse(await client.userinfo(tokens.access_token));
        // OpenID Connect Core 5.3.2: userinfo about someone else must not be used.
        if (userinfo.sub !== claims.sub) throw new Error("userinfo sub does not match the ID token's sub");
        return { ...claims, ...userinfo };
      },
    },
    profile: (claims) => {
      const identity = readIdentity(claims);
      return { id: identity.id, name: identity.name ?? identity.email ?? null, email: identity.email ?? null };
    },
    clientId: config.clientId,
    clientSecret: config.clientSecret,
  };
}

/** The sign-in methods on offer, in the order the sign-in page shows them. */
export function buildProviders(config: AuthConfig, options: { demo: boolean }): Provider[] {
  const providers: Provider[] = [];
  if (config.oidc) providers.push(oidcProvider(config.oidc));
  if (config.github) providers.push(githubProvider(config.github));
  if (options.demo) providers.push(demoProvider());
  return providers;
}
