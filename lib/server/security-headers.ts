import "server-only";

// Headers every response carries. The CSP allows scripts only by per-request nonce; with
// 'strict-dynamic' the scripts Next loads from a nonced script are trusted in turn, so no host
// list and no 'unsafe-inline' for scripts. Styles keep 'unsafe-inline': React and the virtualised
// table set style attributes, and a nonce cannot cover attributes.

export type SecurityHeaderOptions = {
  nonce: string;
  /** `next dev`: React's debugging needs eval. */
  development: boolean;
  /** Adds HSTS: the app is served over HTTPS (see `servesHttps`). */
  hsts: boolean;
  /** Origins that a form on our pages may post or be redirected to (an IdP that posts back). */
  formActionOrigins: readonly string[];
};

/**
 * True when the app's public URL (NEXTAUTH_URL, read at run time) is https. HSTS follows the
 * deployment's configuration, not the build: the same build may be served over plain http on a
 * developer's machine, where HSTS would pin the host to an https that is not there.
 */
export function servesHttps(publicUrl: string | undefined): boolean {
  return publicUrl !== undefined && URL.canParse(publicUrl) && new URL(publicUrl).protocol === "https:";
}

/** A fresh, unguessable nonce (128 bits, base64). */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy(options: SecurityHeaderOptions): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": ["'self'", `'nonce-${options.nonce}'`, "'strict-dynamic'", ...(options.development ? ["'unsafe-eval'"] : [])],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'", ...options.formActionOrigins],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(" ")}`)
    .join("; ");
}

export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(options),
    // Shared URLs carry email addresses in their query: never send them to another origin.
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    ...(options.hsts ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

/** Sets the headers on a response (overwriting any earlier value) and returns it. */
export function applySecurityHeaders<R extends Response>(response: R, options: SecurityHeaderOptions): R {
  for (const [name, value] of Object.entries(securityHeaders(options))) response.headers.set(name, value);
  return response;
}
