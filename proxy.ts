import { NextResponse, type NextRequest } from "next/server";

import { SIGN_IN_PATH, signInPath } from "@/lib/api-errors";
import { ApiError, errorResponse } from "@/lib/server/api-error";
import { safeCallbackPath } from "@/lib/server/auth/callback-url";
import { getAuthConfig } from "@/lib/server/auth/config";
import { readSessionState, type SessionState } from "@/lib/server/auth/session";
import { checkAuthConfiguration } from "@/lib/server/auth/startup";
import { applySecurityHeaders, contentSecurityPolicy, createNonce, servesHttps, type SecurityHeaderOptions } from "@/lib/server/security-headers";

// The one place that enforces sign-in (route handlers check again) and sets security headers.

/** Reachable without a session: the sign-in page, next-auth's own endpoints, and site icons. */
function isPublicPath(pathname: string): boolean {
  return (
    pathname === SIGN_IN_PATH ||
    pathname.startsWith("/api/auth/") ||
    /^\/(favicon\.ico|robots\.txt|(apple-)?icon[\w.-]*)$/.test(pathname)
  );
}

function headerOptions(): SecurityHeaderOptions {
  const config = getAuthConfig();
  return {
    nonce: createNonce(),
    development: process.env.NODE_ENV === "development",
    // Decided per request from the configuration: NODE_ENV is fixed when the app is built.
    hsts: servesHttps(process.env.NEXTAUTH_URL),
    formActionOrigins: [
      ...(config.oidc ? [new URL(config.oidc.issuer).origin] : []),
      ...(config.github ? ["https://github.com"] : []),
    ],
  };
}

/** Lets the request through; Next reads the nonce from the request's CSP header while rendering. */
function next(request: NextRequest, options: SecurityHeaderOptions): NextResponse {
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", options.nonce);
  requestHeaders.set("Content-Security-Policy", contentSecurityPolicy(options));
  return applySecurityHeaders(NextResponse.next({ request: { headers: requestHeaders } }), options);
}

/** The page the user asked for, as a relative path and query, minus Next's internal RSC marker. */
function requestedPath(request: NextRequest): string {
  const url = request.nextUrl.clone();
  if (url.searchParams.has("_rsc")) url.searchParams.delete("_rsc");
  return safeCallbackPath(`${url.pathname}${url.search}`);
}

function signInRedirect(request: NextRequest, state: Exclude<SessionState, { status: "allowed" }>): NextResponse {
  const extra: Record<string, string> =
    state.status === "expired"
      ? { reason: "expired" }
      : state.status === "denied"
        ? { error: "AccessDenied", denied: state.reason }
        : {};
  return NextResponse.redirect(new URL(signInPath(requestedPath(request), extra), request.url));
}

export async function proxy(request: NextRequest): Promise<Response> {
  checkAuthConfiguration();
  const options = headerOptions();
  const { pathname } = request.nextUrl;
  if (isPublicPath(pathname)) return next(request, options);
  const state = await readSessionState(request);
  if (state.status === "allowed") return next(request, options);
  if (pathname === "/api" || pathname.startsWith("/api/")) {
    return applySecurityHeaders(errorResponse(new ApiError("unauthenticated")), options);
  }
  return applySecurityHeaders(signInRedirect(request, state), options);
}

export const config = {
  // Everything but build assets, which are public and immutable.
  matcher: ["/((?!_next/static|_next/image).*)"],
};
