import "server-only";

import { pickFilters, type AuditTrailQuery } from "@/lib/filters";

// Structured logs, one JSON object per line on stdout/stderr, built from named fields only: a
// request's headers (cookies, authorization) are never passed in, so they cannot end up here.

export type RequestLogLine = {
  route: string;
  method: string;
  status: number;
  /** Our error code when the answer is an error. */
  code?: string;
  /** Why the upstream call failed, for operators: written by our code, never the key or Merge's body. */
  detail?: string;
  /** Who asked (the signed-in email), when known. */
  user?: string;
  filters?: LoggedQuery;
  /** Time spent on the upstream call, retries and their waits included. */
  upstreamMs?: number;
  retries?: number;
  durationMs: number;
};

type LoggedQuery = ReturnType<typeof pickFilters> & { page_size?: number; cursor?: true };

/** The query as logged: the filters and page size; of the cursor (opaque and long) only its presence. */
export function loggedQuery(query: AuditTrailQuery): LoggedQuery {
  const logged: LoggedQuery = pickFilters(query);
  if (query.page_size !== undefined) logged.page_size = query.page_size;
  if (query.cursor !== undefined) logged.cursor = true;
  return logged;
}

// A credential that slipped into an error message (a header echoed by a library, say) stops here.
const BEARER = /\bBearer\s+[^\s"'\\,;]+/gi;

function write(level: "info" | "warn" | "error", fields: Record<string, unknown>): void {
  const line = JSON.stringify({ time: new Date().toISOString(), level, ...fields }).replace(BEARER, "Bearer [redacted]");
  if (level === "info") console.log(line);
  else console.error(line);
}

export function logRequest(line: RequestLogLine): void {
  write(line.status >= 500 ? "error" : line.status >= 400 ? "warn" : "info", { msg: "request", ...line });
}

/** Something we did not expect: name, message and stack for us, never a secret. */
export function logError(msg: string, error: unknown, context: Record<string, unknown> = {}): void {
  const detail =
    error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : { message: String(error) };
  write("error", { msg, ...context, error: detail });
}

/** An export's outcome, written when it ends: exporting is itself an audited action. */
export function writeExportLine(level: "info" | "warn" | "error", fields: Record<string, unknown>): void {
  write(level, { msg: "export", ...fields });
}

/** Something an operator may want to know happened (e.g. which instance took over the archive's sync). */
export function logInfo(msg: string, context: Record<string, unknown> = {}): void {
  write("info", { msg, ...context });
}

/** A notable event that is not tied to one request's outcome (e.g. Merge refusing a query we let through). */
export function logWarning(msg: string, context: Record<string, unknown> = {}): void {
  write("warn", { msg, ...context });
}
