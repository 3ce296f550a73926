// What the soak records as it goes, in milliseconds since the load started.

/** One HTTP request of a virtual user. status 0: no answer (connection refused or cut, timeout). */
export type RequestSample = {
  atMs: number;
  /** Method and path, e.g. `GET /api/audit-trail`: latency is reported per route. */
  route: string;
  status: number;
  ms: number;
  /** The `error.code` of an error answer, when it had one. */
  code?: string;
  instance: string;
};

/** A stretch of time, [fromMs, toMs). */
export type Window = { fromMs: number; toMs: number };

export const inWindow = (atMs: number, windows: readonly Window[]) => windows.some((w) => atMs >= w.fromMs && atMs < w.toMs);

/** Resident memory of one app instance (its process tree) at one moment. */
export type RssSample = { atMs: number; instance: string; pid: number; mb: number };
