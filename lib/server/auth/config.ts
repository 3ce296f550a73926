import "server-only";

import { z } from "zod";

import { parseAllowlist, parseEmailList, type Allowlist } from "@/lib/server/auth/allowlist";

// Sign-in configuration, parsed once from the environment. A half-configured provider is an
// error that names the missing variables rather than a provider that fails at the first sign-in.

const blankAsUnset = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optionalText = z.preprocess(blankAsUnset, z.string().trim().min(1).optional());

const envSchema = z.object({
  AUTH_OIDC_ISSUER: z.preprocess(
    blankAsUnset,
    z
      .url({ protocol: /^https?$/, message: "must be an http(s) URL such as https://example.okta.com" })
      .transform((url) => url.replace(/\/+$/, ""))
      .optional(),
  ),
  AUTH_OIDC_CLIENT_ID: optionalText,
  AUTH_OIDC_CLIENT_SECRET: optionalText,
  AUTH_OIDC_NAME: optionalText,
  AUTH_GITHUB_ID: optionalText,
  AUTH_GITHUB_SECRET: optionalText,
  AUTH_ALLOWED_EMAILS: z.string().optional(),
  AUTH_ALLOWED_DOMAINS: z.string().optional(),
  AUTH_ADMIN_EMAILS: z.string().optional(),
});

export type OidcConfig = { issuer: string; clientId: string; clientSecret: string; name: string };
export type GithubConfig = { clientId: string; clientSecret: string };

export type AuthConfig = {
  oidc: OidcConfig | undefined;
  github: GithubConfig | undefined;
  allowlist: Allowlist;
  /** AUTH_ADMIN_EMAILS: who sees everyone's access log and manages team views. */
  admins: ReadonlySet<string>;
};

export const DEFAULT_OIDC_NAME = "single sign-on";

/** Names left unset in a group that is partly set: a half-configured provider is a mistake. */
function missingFromGroup(group: Record<string, string | undefined>): string[] {
  const names = Object.keys(group);
  const missing = names.filter((name) => group[name] === undefined);
  return missing.length === names.length ? [] : missing;
}

export function parseAuthConfig(env: Record<string, string | undefined>): AuthConfig {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
    throw new Error(`Invalid sign-in configuration: ${problems.join("; ")}`);
  }
  const parsed = result.data;
  const missing = [
    ...missingFromGroup({
      AUTH_OIDC_ISSUER: parsed.AUTH_OIDC_ISSUER,
      AUTH_OIDC_CLIENT_ID: parsed.AUTH_OIDC_CLIENT_ID,
      AUTH_OIDC_CLIENT_SECRET: parsed.AUTH_OIDC_CLIENT_SECRET,
    }),
    ...missingFromGroup({ AUTH_GITHUB_ID: parsed.AUTH_GITHUB_ID, AUTH_GITHUB_SECRET: parsed.AUTH_GITHUB_SECRET }),
  ];
  if (missing.length > 0) {
    throw new Error(`Invalid sign-in configuration: ${missing.join(", ")} must be set too (or unset the whole group)`);
  }
  const { AUTH_OIDC_ISSUER: issuer, AUTH_OIDC_CLIENT_ID: clientId, AUTH_OIDC_CLIENT_SECRET: clientSecret } = parsed;
  const { AUTH_GITHUB_ID: githubId, AUTH_GITHUB_SECRET: githubSecret } = parsed;
  return {
    oidc:
      issuer && clientId && clientSecret
        ? { issuer, clientId, clientSecret, name: parsed.AUTH_OIDC_NAME ?? DEFAULT_OIDC_NAME }
        : undefined,
    github: githubId && githubSecret ? { clientId: githubId, clientSecret: githubSecret } : undefined,
    allowlist: parseAllowlist({ emails: parsed.AUTH_ALLOWED_EMAILS, domains: parsed.AUTH_ALLOWED_DOMAINS }),
    admins: parseEmailList(parsed.AUTH_ADMIN_EMAILS),
  };
}

/** True when a real identity provider (not the demo sign-in) is configured. */
export function hasRealProvider(config: AuthConfig): boolean {
  return config.oidc !== undefined || config.github !== undefined;
}

let cached: AuthConfig | undefined;

/** The sign-in configuration, read from the environment once per process. */
export function getAuthConfig(): AuthConfig {
  cached ??= parseAuthConfig(process.env);
  return cached;
}
