import { encode } from "next-auth/jwt";

// Session cookies as next-auth sets them after a sign-in, minted with a test's own secret, for the
// tests that exercise the real session reader (proxy.ts, the end-to-end auth journeys).

export const SESSION_COOKIE = "next-auth.session-token";

/** The cookie's value: the claims, encrypted with `secret`, valid for `maxAgeSeconds`. */
export function mintSessionToken(claims: Record<string, unknown>, secret: string, maxAgeSeconds = 3600): Promise<string> {
  return encode({ token: claims, secret, maxAge: maxAgeSeconds });
}

/** The same as a `Cookie` header. */
export async function sessionCookieHeader(claims: Record<string, unknown>, secret: string, maxAgeSeconds?: number): Promise<string> {
  return `${SESSION_COOKIE}=${await mintSessionToken(claims, secret, maxAgeSeconds)}`;
}
