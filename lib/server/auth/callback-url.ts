import "server-only";

import { SIGN_IN_PATH } from "@/lib/api-errors";

// Where to send someone after sign-in. Only paths on this app are accepted, and they stay
// relative: a full URL could point at another host (an open redirect) or carry a stale origin.

const PLACEHOLDER_ORIGIN = "http://callback.invalid";

/**
 * A same-origin path (path, query and fragment) for `value`, or "/" when `value` is missing,
 * points elsewhere, or would lead back to sign-in. `appOrigin` lets an absolute URL on this app
 * through (next-auth hands those to its redirect callback).
 */
export function safeCallbackPath(value: string | null | undefined, appOrigin?: string): string {
  if (!value) return "/";
  const origin = appOrigin ? new URL(appOrigin).origin : PLACEHOLDER_ORIGIN;
  const isRelative = value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\");
  if (!isRelative && !(appOrigin && URL.canParse(value) && new URL(value).origin === origin)) return "/";
  // Parsing also applies the browser's own clean-up (tabs, backslashes), so what we check is what
  // the browser would follow.
  const url = new URL(value, origin);
  if (url.origin !== origin) return "/";
  if (url.pathname === SIGN_IN_PATH || url.pathname.startsWith("/api/auth/")) return "/";
  return `${url.pathname}${url.search}${url.hash}`;
}
