import "server-only";

import type { NextRequest } from "next/server";

import { parseAuditTrailQuery, resolveQueryRange, type AuditTrailQuery, type QueryKey } from "@/lib/filters";
import type { AllowedSession } from "@/lib/server/auth/session";
import { logError, loggedQuery, logRequest, type RequestLogLine } from "@/lib/server/log";
import { ApiError, mapError } from "@/lib/server/api-error";
import { ArchiveError } from "@/lib/server/archive/errors";
import { withLostQueryParams } from "@/lib/server/lost-query-params";
import { MergeApiError } from "@/lib/server/merge/errors";

// The frame of every data route: a session or 401, errors mapped to one JSON shape, nothing cached,
// one log line. Handler bodies then read parse, call, respond.

type UpstreamFigures = Pick<RequestLogLine, "upstreamMs" | "retries">;

export type SessionContext = {
  session: AllowedSession;
  /**
   * The request's query, validated by the shared filter schema (and logged); a 400 otherwise. A
   * relative `range` comes back resolved into dates at this request's instant (in its `tz`, or UTC).
   */
  parseRequestQuery(options: { allow: readonly QueryKey[]; ignore?: readonly string[] }): AuditTrailQuery;
  /** Adds the upstream call's latency and retries to the log line. */
  recordUpstream(figures: UpstreamFigures): void;
};

export type SessionHandler = (request: NextRequest, context: SessionContext) => Promise<Response>;

/** The signed-in, still-allowed user of a request, or null (the app's is getAllowedSession). */
export type SessionReader = (request: NextRequest) => Promise<AllowedSession | null>;

// Closed connections are not our failure; nginx's 499 keeps them apart from 5xx in the logs.
const CLIENT_CLOSED = 499;

export type SessionOptions = {
  /** The clock relative ranges are resolved with (tests pass a fixed one). */
  now?: () => Date;
};

export function withSession(
  getSession: SessionReader,
  handler: SessionHandler,
  { now = () => new Date() }: SessionOptions = {},
): (request: NextRequest) => Promise<Response> {
  return async (request) => {
    const started = performance.now();
    const line: Partial<RequestLogLine> = {};
    let response: Response;
    try {
      const session = await getSession(request);
      if (!session) throw new ApiError("unauthenticated");
      line.user = session.email;
      response = await handler(request, {
        session,
        parseRequestQuery(options) {
          const result = parseAuditTrailQuery(withLostQueryParams(request.nextUrl.searchParams, request.headers), options);
          if (!result.ok) throw new ApiError("invalid_filter", result.error.message, result.error.field);
          const query = resolveQueryRange(result.value, now());
          line.filters = loggedQuery(query);
          return query;
        },
        recordUpstream: (figures) => Object.assign(line, figures),
      });
    } catch (error) {
      if (error instanceof MergeApiError) {
        Object.assign(line, { upstreamMs: error.upstreamMs, retries: error.retries, detail: error.message });
      }
      if (error instanceof ArchiveError) line.detail = error.message;
      if (request.signal.aborted) {
        response = new Response(null, { status: CLIENT_CLOSED });
      } else {
        if (!(error instanceof ApiError || error instanceof MergeApiError || error instanceof ArchiveError)) {
          logError("Unexpected error in a route handler", error, { route: request.nextUrl.pathname });
        }
        const mapped = mapError(error);
        line.code = mapped.body.error.code;
        response = Response.json(mapped.body, { status: mapped.status, headers: mapped.headers });
      }
    }
    response.headers.set("Cache-Control", "private, no-store");
    logRequest({
      ...line,
      route: request.nextUrl.pathname,
      method: request.method,
      status: response.status,
      durationMs: Math.round(performance.now() - started),
    });
    return response;
  };
}
