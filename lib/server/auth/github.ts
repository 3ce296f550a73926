import "server-only";

import { z } from "zod";

import type { OAuthConfig } from "next-auth/providers/oauth";

import type { GithubConfig } from "@/lib/server/auth/config";

// GitHub is OAuth 2, not OpenID Connect: its profile's `email` is whatever the user made public,
// verified or not. Only the primary address, and only once GitHub has verified it, counts.

const emailsSchema = z.array(z.looseObject({ email: z.string(), primary: z.boolean(), verified: z.boolean() }));

export function pickGithubEmail(emails: unknown): { email: string; email_verified: boolean } | undefined {
  const parsed = emailsSchema.safeParse(emails);
  const primary = parsed.success ? parsed.data.find((entry) => entry.primary) : undefined;
  return primary ? { email: primary.email, email_verified: primary.verified } : undefined;
}

const githubUserSchema = z.looseObject({ id: z.number(), login: z.string(), name: z.string().nullish() });

type GithubProfile = { id: number; login: string; name?: string; email?: string; email_verified: boolean };

export function githubProvider(config: GithubConfig): OAuthConfig<GithubProfile> {
  return {
    id: "github",
    name: "GitHub",
    type: "oauth",
    authorization: { url: "https://github.com/login/oauth/authorize", params: { scope: "read:user user:email" } },
    token: "https://github.com/login/oauth/access_token",
    checks: ["pkce", "state"],
    userinfo: {
      url: "https://api.github.com/user",
      async request({ tokens }) {
        const headers = { Authorization: `Bearer ${tokens.access_token}`, Accept: "application/vnd.github+json" };
        const [user, emails] = await Promise.all([
          fetch("https://api.github.com/user", { headers }).then((response) => response.json()),
          fetch("https://api.github.com/user/emails", { headers }).then((response) => response.json()),
        ]);
        const primary = pickGithubEmail(emails);
        const { id, login, name } = githubUserSchema.parse(user);
        return { id, login, name: name ?? undefined, email: primary?.email, email_verified: primary?.email_verified ?? false };
      },
    },
    profile: (profile) => ({
      id: String(profile.id),
      name: profile.name ?? profile.login,
      email: profile.email ?? null,
    }),
    clientId: config.clientId,
    clientSecret: config.clientSecret,
  };
}
