import { NextRequest } from "next/server";

import { auditTrailPageSchema, type AuditTrailPage } from "@/lib/audit-event";
import { walkPages } from "@/lib/paging";
import type { Simulator } from "@/lib/simulator";
import { createAuditTrailSource, type AuditTrailSource } from "@/lib/server/audit-trail-source";
import { parseServerConfig } from "@/lib/server/config";
import type { SessionReader } from "@/lib/server/with-session";

// What route tests build handlers from: a session reader that says who is signed in, a source made
// from the app's own configuration rules, and requests as the browser sends them. No environment
// variable is read or stubbed: a test's configuration is a plain object.

export const ALLOWED_EMAIL = "auditor@acme.test";
/** Pins the simulated trail, so every simulator of a test agrees event for event. */
export const SIMULATOR_NOW = "2026-11-28T12:00:00Z";

/** The key the routes under test seal cursors with (the app derives its own from NEXTAUTH_SECRET). */
export const CURSOR_SECRET = "route-tests-cursor-seal-secret-0123456789abcdef";

/** `email`, signed in and allowed. */
export function signedInAs(email: string, name = "Ada Auditor"): SessionReader {
  return async () => ({ email, name });
}

/** A signed-in, allowed user. */
export const signedIn: SessionReader = signedInAs(ALLOWED_EMAIL);
/** No session, or one the allowlist no longer accepts. */
export const signedOut: SessionReader = async () => null;

export type RouteHandler = (request: NextRequest) => Promise<Response>;

/** The live source the app would build from these variables (as in its environment), reading `simulator` in-process. */
export function simulatorSource(simulator: Simulator, variables: Record<string, string> = {}): AuditTrailSource {
  return createAuditTrailSource(parseServerConfig({ ARCHIVE: "off", ...variables }), { simulator });
}

/** The live source the app would build from these variables, for a remote upstream (MERGE_API_KEY set). */
export function remoteSource(
  variables: Record<string, string>,
  fetch?: (url: string, init: RequestInit) => Promise<Response>,
): AuditTrailSource {
  return createAuditTrailSource(parseServerConfig({ ARCHIVE: "off", ...variables }), { fetch });
}

export function apiRequest(search: string, init: { path?: string; signal?: AbortSignal } = {}): NextRequest {
  const query = search === "" ? "" : `?${search}`;
  return new NextRequest(`http://127.0.0.1:3000${init.path ?? "/api/audit-trail"}${query}`, { signal: init.signal });
}

/** Every page of the route's answers for `search`, following `next` as the explorer does. */
export async function walkRoute(GET: RouteHandler, search: string): Promise<AuditTrailPage[]> {
  const pages: AuditTrailPage[] = [];
  const fetchPage = async (cursor: string | undefined) => {
    const params = new URLSearchParams(search);
    if (cursor !== undefined) params.set("cursor", cursor);
    const response = await GET(apiRequest(params.toString()));
    if (response.status !== 200) throw new Error(`route answered ${response.status}: ${await response.text()}`);
    return auditTrailPageSchema.parse(await response.json());
  };
  for await (const page of walkPages(fetchPage)) pages.push(page);
  return pages;
}
