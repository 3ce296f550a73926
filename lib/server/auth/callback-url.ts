import "server-only";

import { SIGN_IN_PATH } from "@/lib/api-errors";

// Where to send someone after sign-in. Only paths on this app are accepted, and they stay
// relative: a full URL could point at another host (an open redirect) or carry a stale origin.

const PLACEHOLDER_ORIGIN = "http://callback.invalid";

/**
 * A same-origin path (path, query and fragment) for `value`, or "/" when `value` is missing,
 * points elsewhere, or would lead back to sign-in. `appOrigin` lets an absolute URL on this app
 * through (next-auth hands those to its redirect callback).
 *
 * The value is resolved first, the way a browser would read it (dot segments, encoded dots,
 * backslashes, tabs and newlines), and only the result is judged: a check on the raw text can be
 * walked around, e.g. `/.//evil.com` has no leading `//` but resolves to the path `//evil.com`,
 * which a browser follows to another host.
 */
export function safeCallbackPath(value: string | null | undefined, appOrigin?: string): string {
  if (!value) return "/";
  const origin = appOrigin ? new URL(appOrigin).origin : PLACEHOLDER_ORIGIN;
  if (!URL.canParse(value, origin)) return "/";
  // An absolute URL is ours only when we know our origin; without it, only references are taken.
  if (URL.canParse(value) && !appOrigin) return "/";
  const url = new URL(value, origin);
  if (url.origin !== origin) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  // A single leading slash: `//host` or `/\host` as a Location would leave this origin.
  if (!/^\/(?![/\\])/.test(path)) return "/";
  if (url.pathname === SIGN_IN_PATH || url.pathname.startsWith("/api/auth/")) return "/";
  return path;
}
