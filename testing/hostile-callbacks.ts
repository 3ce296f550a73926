// Spellings of "send me to another site after sign-in" that a check on the raw text can miss: each
// must come out as a path on our own origin. Shared by the unit tests of every route that takes a
// callback and by the end-to-end check of /signin.

export const HOSTILE_HOST = "evil.example";

export const HOSTILE_CALLBACKS: readonly string[] = [
  // Absolute, protocol-relative and scheme tricks
  `https://${HOSTILE_HOST}/`,
  `HTTPS://${HOSTILE_HOST}/x`,
  `http:${HOSTILE_HOST}`,
  `https:/\\${HOSTILE_HOST}`,
  `//${HOSTILE_HOST}/x`,
  `///${HOSTILE_HOST}`,
  "javascript:alert(1)",
  " JaVaScRiPt:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  // Dot segments that collapse into `//`
  `/.//${HOSTILE_HOST}`,
  `/././/${HOSTILE_HOST}`,
  `/a/..//${HOSTILE_HOST}`,
  `/..//${HOSTILE_HOST}`,
  // Encoded dots and slashes
  `/%2e//${HOSTILE_HOST}`,
  `/%2E%2E//${HOSTILE_HOST}`,
  `/%2e%2e/%2e//${HOSTILE_HOST}`,
  `/%2F%2F${HOSTILE_HOST}`,
  `/%2f/${HOSTILE_HOST}`,
  // Backslashes, which browsers read as slashes
  `/\\${HOSTILE_HOST}`,
  `\\\\${HOSTILE_HOST}`,
  `/\\/${HOSTILE_HOST}`,
  `/.\\/${HOSTILE_HOST}`,
  // Tabs and newlines, which browsers drop
  `/\t/${HOSTILE_HOST}`,
  `/\n/${HOSTILE_HOST}`,
  `\t//${HOSTILE_HOST}`,
  `/.\r\n//${HOSTILE_HOST}`,
  `/%09/${HOSTILE_HOST}`,
];

/**
 * True when a redirect to `target` (a Location value, resolved as a browser would) stays on `origin`
 * and its path starts with a single slash.
 */
export function staysOnOrigin(target: string, origin: string): boolean {
  if (!URL.canParse(target, origin)) return false;
  const url = new URL(target, origin);
  return url.origin === origin && /^\/(?![/\\])/.test(url.pathname) && !url.hostname.includes(HOSTILE_HOST);
}
