import "server-only";

import type { IncomingMessage, ServerResponse } from "node:http";

import { createNonce, securityHeaders, servesHttps } from "@/lib/server/security-headers";

// Node's fetch (undici) refuses to represent a TRACE request, so Next failed while building the
// Request for one, before proxy.ts ran: the client got a bare 500 without security headers and the
// log a stack trace. TRACE is answered at the HTTP server instead, as any other method no route
// serves: 405 with Allow and the usual headers. (Node's parser already refuses TRACK, and CONNECT
// never reaches a request handler.)

const UNSUPPORTED_METHODS: ReadonlySet<string> = new Set(["TRACE"]);

/** The methods the app serves at `pathname`: next-auth's endpoints and the records' writes take more. */
export function allowedMethods(pathname: string): string {
  if (pathname === "/api/views") return "GET, HEAD, POST";
  if (pathname.startsWith("/api/views/")) return "PATCH, DELETE";
  if (pathname === "/api/access-log/event-opened") return "POST";
  return pathname.startsWith("/api/auth/") ? "GET, HEAD, POST" : "GET, HEAD";
}

/** Answers a TRACE request with 405; false for every other request, which Next then serves. */
export function answerUnsupportedMethod(request: IncomingMessage, response: ServerResponse): boolean {
  if (!UNSUPPORTED_METHODS.has(request.method ?? "")) return false;
  const { pathname } = new URL(request.url ?? "/", "http://request.invalid");
  const headers = securityHeaders({
    nonce: createNonce(),
    development: false,
    hsts: servesHttps(process.env.NEXTAUTH_URL),
    formActionOrigins: [],
  });
  response.writeHead(405, { ...headers, Allow: allowedMethods(pathname), "Cache-Control": "private, no-store", "Content-Length": "0" });
  response.end();
  return true;
}
