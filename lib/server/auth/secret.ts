import "server-only";

import { getAuthConfig, hasRealProvider } from "@/lib/server/auth/config";
import { getServerConfig } from "@/lib/server/config";

// The key that encrypts session cookies. A fixed, public fallback lets `npm run dev` sign in on a
// fresh machine, and it is allowed only where a cookie forged with it could read nothing real: the
// built-in demo data, no identity provider, outside production. Anything else (a MERGE_API_KEY,
// an identity provider, NODE_ENV=production) needs a real secret, whatever NODE_ENV says.

export const DEVELOPMENT_SECRET = "audit-trail-explorer-development-secret-not-for-production";

export const MIN_SECRET_LENGTH = 32;

export type SecretContext = {
  /** Only the embedded simulator's demo data, and only the demo sign-in: nothing a cookie could unlock. */
  demoOnly: boolean;
};

const HOW_TO = "Generate one with `openssl rand -base64 32` and set it in the environment.";

export function resolveAuthSecret(env: Record<string, string | undefined>, { demoOnly }: SecretContext): string {
  const secret = env.NEXTAUTH_SECRET?.trim();
  const fallbackAllowed = demoOnly && env.NODE_ENV !== "production";
  if (!secret) {
    if (fallbackAllowed) return DEVELOPMENT_SECRET;
    throw new Error(
      "NEXTAUTH_SECRET is not set: it encrypts session cookies and is required in production, with MERGE_API_KEY " +
        `or with an identity provider configured (the development secret is public). ${HOW_TO}`,
    );
  }
  if (secret === DEVELOPMENT_SECRET) {
    if (fallbackAllowed) return secret;
    throw new Error(`NEXTAUTH_SECRET is the public development secret: anyone could forge a session. ${HOW_TO}`);
  }
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new Error(`NEXTAUTH_SECRET is too weak: use at least ${MIN_SECRET_LENGTH} random characters. ${HOW_TO}`);
  }
  return secret;
}

let cached: string | undefined;

/** The session secret for this process; throws a message naming NEXTAUTH_SECRET when it is unusable. */
export function getAuthSecret(): string {
  cached ??= resolveAuthSecret(process.env, {
    demoOnly: getServerConfig().upstream.kind === "embedded" && !hasRealProvider(getAuthConfig()),
  });
  return cached;
}
