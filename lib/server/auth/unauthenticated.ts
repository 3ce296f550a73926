import "server-only";

import { NextResponse } from "next/server";

// The one answer an API request without a usable session gets, from proxy.ts and from the route
// wrapper alike, so the explorer can show one message and offer sign-in.

export const SESSION_EXPIRED_MESSAGE = "Your session expired: sign in again";

export const UNAUTHENTICATED_BODY = {
  error: { code: "unauthenticated", message: SESSION_EXPIRED_MESSAGE },
} as const;

export function unauthenticatedResponse(): NextResponse {
  return NextResponse.json(UNAUTHENTICATED_BODY, {
    status: 401,
    headers: { "Cache-Control": "private, no-store" },
  });
}
