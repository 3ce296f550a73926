import "server-only";

import type { NextRequest } from "next/server";

import { parseQuery, type AuditTrailQuery, type QueryKey } from "@/lib/filters";
import { getAllowedSession, type AllowedSession } from "@/lib/server/auth/session";
import { SESSION_EXPIRED_MESSAGE } from "@/lib/server/auth/unauthenticated";
import { logError, loggedQuery, logRequest, type RequestLogLine } from "@/lib/server/log";
import { withLostQueryParams } from "@/lib/server/lost-query-params";
import { ApiError, mapError, MergeApiError } from "@/lib/server/merge/errors";

// The frame of every data route: a session or 401, errors mapped to one JSON shape, nothing cached,
// one log line. Handler bodies then read parse, call, respond.

type UpstreamFigures = Pick<RequestLogLine, "upstreamMs" | "retries">;

export type SessionContext = {
  session: AllowedSession;
  /** The request's query, validated by the shared filter schema (and logged); a 400 otherwise. */
  parseQuery(options: { allow: readonly QueryKey[]; ignore?: readonly string[] }): AuditTrailQuery;
  /** Adds the upstream call's latency and retries to the log line. */
  recordUpstream(figures: UpstreamFigures): void;
};

export type SessionHandler = (request: NextRequest, context: SessionContext) => Promise<Response>;

// Closed connections are not our failure; nginx's 499 keeps them apart from 5xx in the logs.
const CLIENT_CLOSED = 499;

export function withSession(handler: SessionHandler): (request: NextRequest) => Promise<Response> {
  return async (request) => {
    const started = performance.now();
    const line: Partial<RequestLogLine> = {};
    let response: Response;
    try {
      const session = await getAllowedSession(request);
      if (!session) throw new ApiError("unauthenticated", SESSION_EXPIRED_MESSAGE);
      line.user = session.email;
      response = await handler(request, {
        session,
        parseQuery(options) {
          const result = parseQuery(withLostQueryParams(request.nextUrl.searchParams, request.headers), options);
          if (!result.ok) throw new ApiError("invalid_filter", result.error.message, result.error.field);
          line.filters = loggedQuery(result.value);
          return result.value;
        },
        recordUpstream: (figures) => Object.assign(line, figures),
      });
    } catch (error) {
      if (error instanceof MergeApiError) {
        Object.assign(line, { upstreamMs: error.upstreamMs, retries: error.retries, detail: error.message });
      }
      if (request.signal.aborted) {
        response = new Response(null, { status: CLIENT_CLOSED });
      } else {
        if (!(error instanceof ApiError || error instanceof MergeApiError)) {
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
