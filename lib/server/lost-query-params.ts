import "server-only";

import type { IncomingMessage } from "node:http";

// Next turns the query string into a plain object before proxy.ts, pages and route handlers see it,
// and a key named `__proto__` sets that object's prototype instead of becoming a key: `?__proto__=1`
// vanished, and the request was served unfiltered where any other unknown key is refused. The HTTP
// server records such pairs (see http-server-hooks.ts) in a header of ours, always overwriting what
// a client sent under that name, and the readers of the query put them back.

const LOST_KEYS: ReadonlySet<string> = new Set(["__proto__"]);

export const LOST_QUERY_HEADER = "x-audit-trail-lost-query";

/** At the HTTP server, before Next: notes the query pairs Next's parse will drop (often none). */
export function recordLostQueryParams(request: IncomingMessage): void {
  const url = request.url ?? "";
  const start = url.indexOf("?");
  const lost = new URLSearchParams();
  if (start !== -1) {
    for (const [key, value] of new URLSearchParams(url.slice(start + 1))) if (LOST_KEYS.has(key)) lost.append(key, value);
  }
  request.headers[LOST_QUERY_HEADER] = lost.toString();
}

/** The request's query as it was sent: Next's `params` with the pairs it dropped put back. */
export function withLostQueryParams(params: URLSearchParams, headers: Headers): URLSearchParams {
  const lost = new URLSearchParams(headers.get(LOST_QUERY_HEADER) ?? "");
  if (lost.size === 0) return params;
  const restored = new URLSearchParams(params);
  for (const [key, value] of lost) restored.append(key, value);
  return restored;
}
