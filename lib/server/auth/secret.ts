import "server-only";

// The key that encrypts session cookies. Production must bring its own; development falls back to
// a fixed, public value so `npm run dev` signs in on a fresh machine (such cookies protect nothing).

export const DEVELOPMENT_SECRET = "audit-trail-explorer-development-secret-not-for-production";

const MIN_PRODUCTION_LENGTH = 32;

export function resolveAuthSecret(env: Record<string, string | undefined>): string {
  const secret = env.NEXTAUTH_SECRET?.trim();
  if (env.NODE_ENV !== "production") return secret || DEVELOPMENT_SECRET;
  if (!secret) {
    throw new Error(
      "NEXTAUTH_SECRET is not set: it is required in production to encrypt session cookies. " +
        "Generate one with `openssl rand -base64 32` and set it in the environment.",
    );
  }
  if (secret.length < MIN_PRODUCTION_LENGTH || secret === DEVELOPMENT_SECRET) {
    throw new Error(
      `NEXTAUTH_SECRET is too weak: use at least ${MIN_PRODUCTION_LENGTH} random characters ` +
        "(`openssl rand -base64 32`), not the development secret.",
    );
  }
  return secret;
}

let cached: string | undefined;

/** The session secret for this process; throws a message naming NEXTAUTH_SECRET when it is missing. */
export function getAuthSecret(): string {
  cached ??= resolveAuthSecret(process.env);
  return cached;
}
