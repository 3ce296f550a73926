import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { installHttpServerHooks } from "@/lib/server/http-server-hooks";
import { LOST_QUERY_HEADER, withLostQueryParams } from "@/lib/server/lost-query-params";

// A Node HTTP server standing in for Next's: like Next, its handler builds a fetch Request from
// every incoming request (which throws for TRACE), and reports the headers it was handed.

let server: Server;
let port: number;

beforeAll(async () => {
  installHttpServerHooks();
  server = createServer((req, res) => {
    try {
      new Request(`http://127.0.0.1${req.url}`, { method: req.method });
    } catch {
      res.writeHead(500).end("Internal Server Error");
      return;
    }
    res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ lost: req.headers[LOST_QUERY_HEADER] ?? null }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function send(method: string, path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, method, path, headers }, (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("the HTTP server hooks", () => {
  it("answers TRACE with 405, Allow and the security headers, before the app", async () => {
    for (const [path, allow] of [["/api/audit-trail", "GET, HEAD"], ["/", "GET, HEAD"], ["/api/auth/session", "GET, HEAD, POST"]]) {
      const response = await send("TRACE", path!);
      expect(response.status).toBe(405);
      expect(response.headers.allow).toBe(allow);
      expect(response.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
      expect(response.headers["x-content-type-options"]).toBe("nosniff");
      expect(response.headers["referrer-policy"]).toBe("no-referrer");
      expect(response.body).toBe("");
    }
  });

  it("hands every other method to the app", async () => {
    expect((await send("GET", "/")).status).toBe(200);
  });

  it("records the query pairs Next's parse drops, overwriting a header of that name from the client", async () => {
    const lost = async (path: string, headers?: Record<string, string>) => JSON.parse((await send("GET", path, headers)).body).lost;
    expect(await lost("/?__proto__=1&page_size=5")).toBe("__proto__=1");
    expect(await lost("/?%5F%5Fproto%5F%5F=x&__proto__=y")).toBe("__proto__=x&__proto__=y");
    expect(await lost("/?page_size=5")).toBe("");
    expect(await lost("/", { [LOST_QUERY_HEADER]: "__proto__=forged" })).toBe("");
  });
});

describe("withLostQueryParams", () => {
  it("puts the dropped pairs back after Next's own, so the schema sees the query as sent", () => {
    const headers = new Headers({ [LOST_QUERY_HEADER]: "__proto__=1" });
    expect(withLostQueryParams(new URLSearchParams("page_size=5"), headers).toString()).toBe("page_size=5&__proto__=1");
    const params = new URLSearchParams("page_size=5");
    expect(withLostQueryParams(params, new Headers())).toBe(params);
  });
});
