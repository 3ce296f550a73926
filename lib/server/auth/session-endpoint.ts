import "server-only";

import { NextResponse, type NextRequest } from "next/server";

import { readSessionState, SESSION_COOKIE_PATTERN } from "@/lib/server/auth/session";

// next-auth's own session endpoint re-issues the cookie of anyone whose cookie decrypts. Our routes
// re-apply the allowlist on every request; this endpoint must too, or someone removed from the
// allowlist would keep a fresh cookie (and a signed-in look) for as long as they keep asking.

const SESSION_ENDPOINT = "/api/auth/session";

/**
 * For `/api/auth/session` with a cookie whose owner is no longer allowed: what a signed-out visitor
 * gets (`{}`), with the cookie cleared. Null for every other request, which next-auth then serves.
 */
export async function refuseDeniedSession(request: NextRequest): Promise<Response | null> {
  if (request.nextUrl.pathname !== SESSION_ENDPOINT) return null;
  if ((await readSessionState(request)).status !== "denied") return null;
  const response = NextResponse.json({}, { headers: { "Cache-Control": "private, no-store" } });
  for (const { name } of request.cookies.getAll()) {
    if (!SESSION_COOKIE_PATTERN.test(name)) continue;
    // A __Secure- cookie can only be overwritten by one that is Secure itself.
    response.cookies.set({ name, value: "", maxAge: 0, path: "/", httpOnly: true, sameSite: "lax", secure: name.startsWith("__Secure-") });
  }
  return response;
}
