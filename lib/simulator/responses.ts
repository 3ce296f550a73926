// The bodies Merge (a Django REST Framework service behind a load balancer) sends, success and failure.

import type { Failure } from "./faults";

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json", Vary: "Accept, Authorization", ...headers },
  });
}

export const notFound = () => json(404, { detail: "Not found." });

export const invalidCursor = () => json(404, { detail: "Invalid cursor" });

export const methodNotAllowed = (method: string) =>
  json(405, { detail: `Method "${method}" not allowed.` }, { Allow: "GET, HEAD" });

export const unauthorized = (detail: string) => json(401, { detail }, { "WWW-Authenticate": 'Bearer realm="api"' });

const BAD_GATEWAY_PAGE =
  "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n";

/** What an injected failure looks like on the wire. Hangs are handled by the caller. */
export function failureResponse(failure: Exclude<Failure["fault"], "hang">, arg: number | null): Response {
  switch (failure) {
    case "429": {
      const seconds = arg ?? 1;
      return json(
        429,
        { detail: `Request was throttled. Expected available in ${seconds} second${seconds === 1 ? "" : "s"}.` },
        { "Retry-After": String(seconds) },
      );
    }
    case "500":
      // Django's own page when a view crashes with DEBUG off.
      return new Response("<h1>Server Error (500)</h1>", { status: 500, headers: { "Content-Type": "text/html" } });
    case "502":
      return new Response(BAD_GATEWAY_PAGE, { status: 502, headers: { "Content-Type": "text/html" } });
    case "503":
      return json(503, { detail: "Service temporarily unavailable, try again later." });
    case "malformed":
      // A body cut short mid-stream: the content type promises JSON that does not parse.
      return new Response('{"next": null, "previous": null, "results": [{"id": "', {
        status: 200,
        headers: { "Content-Type": "application/json" },
      });
    case "wrong-shape":
      return json(200, { count: 1, data: [{ id: 1, event: "INVITED_USER" }], next: 42 });
  }
}
