import "server-only";

import { headers } from "next/headers";
import { NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { z } from "zod";

import { decideAccess, type AccessDenial } from "@/lib/server/auth/access";
import { getAuthConfig } from "@/lib/server/auth/config";
import { decodeSessionToken } from "@/lib/server/auth/decoded-tokens";
import { isDemoSignInEnabled } from "@/lib/server/auth/demo";
import { getAuthSecret } from "@/lib/server/auth/secret";

export type AllowedSession = { email: string; name: string | null };

/** Why a request has no usable session; `expired` covers tampered and outdated cookies too. */
export type SessionState =
  | { status: "allowed"; session: AllowedSession }
  | { status: "anonymous" }
  | { status: "expired" }
  | { status: "denied"; reason: AccessDenial };

const tokenSchema = z.object({ email: z.string(), name: z.string().nullish(), provider: z.string() });

/** next-auth's session cookie, plain or `__Secure-` prefixed, whole or in chunks. */
export const SESSION_COOKIE_PATTERN = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/;

function hasSessionCookie(request: NextRequest): boolean {
  return request.cookies.getAll().some((cookie) => SESSION_COOKIE_PATTERN.test(cookie.name));
}

/** Decrypts the session cookie and re-applies the allowlist and demo rule to it. */
export async function readSessionState(request: NextRequest): Promise<SessionState> {
  if (!hasSessionCookie(request)) return { status: "anonymous" };
  const parsed = tokenSchema.safeParse(await getToken({ req: request, secret: getAuthSecret(), decode: decodeSessionToken }));
  if (!parsed.success) return { status: "expired" };
  const token = parsed.data;
  const decision = decideAccess(
    { provider: token.provider, email: token.email },
    { allowlist: getAuthConfig().allowlist, demoEnabled: isDemoSignInEnabled() },
  );
  if (!decision.allowed) return { status: "denied", reason: decision.reason };
  return { status: "allowed", session: { email: token.email, name: token.name ?? null } };
}

/** The signed-in, still-allowed user of a route handler request, or null. */
export async function getAllowedSession(request: NextRequest): Promise<AllowedSession | null> {
  const state = await readSessionState(request);
  return state.status === "allowed" ? state.session : null;
}

/** The same for server components, which see the request only through `headers()`. */
export async function getPageSession(): Promise<AllowedSession | null> {
  const request = new NextRequest("http://page.invalid/", { headers: await headers() });
  return getAllowedSession(request);
}
