import "server-only";

import { decode, type JWT, type JWTDecodeParams } from "next-auth/jwt";

// next-auth's decode derives its key from the secret (HKDF) and decrypts the cookie on every call,
// and every data request reads its session twice (the proxy, then the route handler): under load
// that was a measurable share of a page's CPU. A cookie's text always decrypts to the same token,
// so a token decoded once is answered from memory, for that exact text and secret, until the
// token's own expiry. Whatever is decided from the token (the allowlist, the demo rule) is still
// decided on every request.

const MAX_TOKENS = 1_000;

const decoded = new Map<string, { secret: JWTDecodeParams["secret"]; token: JWT; expiresAtMs: number }>();

/** next-auth's decode, remembered per token text until the token expires. For getToken's `decode`. */
export async function decodeSessionToken(params: JWTDecodeParams): Promise<JWT | null> {
  const { token: text, secret } = params;
  if (!text || params.salt) return decode(params);
  const known = decoded.get(text);
  if (known && known.secret === secret && Date.now() < known.expiresAtMs) return known.token;
  const token = await decode(params);
  // Only tokens that say when they end are kept, and only until then (next-auth's decode would
  // still accept them for its 15 s of clock tolerance; after the end, it decides again).
  if (token && typeof token.exp === "number") {
    if (decoded.size >= MAX_TOKENS) decoded.delete(decoded.keys().next().value!);
    decoded.set(text, { secret, token: Object.freeze(token), expiresAtMs: token.exp * 1000 });
  }
  return token;
}
