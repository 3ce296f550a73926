import type { ApiErrorCode } from "../../lib/api-errors";
import type { RequestSample, Window } from "./samples";

// Which 5xx answers are documented: 503 archive_unavailable while the database is out, and the
// upstream's codes on routes that read Merge live. Anything else is a bug the soak reports.

export const UPSTREAM_CODES = [
  "upstream_auth",
  "upstream_invalid",
  "rate_limited",
  "upstream_unavailable",
  "upstream_timeout",
  "held_back",
] as const satisfies readonly ApiErrorCode[];

export type Expected5xx = {
  /** From the database's kill until the service answered again. */
  databaseOutages: readonly Window[];
  /** Routes that read Merge live (none while the archive is on: every list comes from the archive). */
  liveRoutes: readonly string[];
};

export function isExpected5xx(sample: RequestSample, expected: Expected5xx): boolean {
  if (sample.status < 500) return true;
  // A request already in flight when the database went down counts as during the outage.
  const during = expected.databaseOutages.some((w) => sample.atMs < w.toMs && sample.atMs + sample.ms >= w.fromMs);
  if (sample.status === 503 && sample.code === "archive_unavailable" && during) return true;
  const upstream = (UPSTREAM_CODES as readonly string[]).includes(sample.code ?? "");
  return upstream && expected.liveRoutes.includes(sample.route);
}

export function unexpected5xx(samples: readonly RequestSample[], expected: Expected5xx): RequestSample[] {
  return samples.filter((sample) => !isExpected5xx(sample, expected));
}
