import "server-only";

import { getAuthSecret } from "@/lib/server/auth/secret";
import { getAllowedSession } from "@/lib/server/auth/session";
import { getAuditTrailSource, type AuditTrailSource } from "@/lib/server/audit-trail-source";
import { getServerConfig, type ServerConfig } from "@/lib/server/config";
import type { SessionReader } from "@/lib/server/with-session";

// What the route handlers need from the running app. Route factories read these per request, so
// the configuration is read on first use (never while `next build` loads the routes); tests build
// the same handlers from a source, a session reader and a configuration of their own.

export type AppDependencies = {
  source: AuditTrailSource;
  getSession: SessionReader;
  config: Pick<ServerConfig, "exportMaxEvents">;
  /** The key cursors are sealed with for the browser (derived from NEXTAUTH_SECRET): see cursor-seal.ts. */
  cursorSecret: string;
};

export const appDependencies: AppDependencies = {
  get source() {
    return getAuditTrailSource();
  },
  getSession: getAllowedSession,
  get config() {
    return getServerConfig();
  },
  get cursorSecret() {
    return getAuthSecret();
  },
};
