import { inWindow, type RequestSample, type Window } from "./samples";

// Latency figures from the recorded requests: nearest-rank percentiles, per route and per minute.

/** The nearest-rank percentile (p in 0..100) of `values`; NaN when there are none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export type LatencyRow = { route: string; minute: number; requests: number; p50: number; p95: number };

/** p50 and p95 per route and per minute of the load (minute 1 is the first), answered requests only. */
export function latencyByMinute(samples: readonly RequestSample[]): LatencyRow[] {
  const groups = new Map<string, { route: string; minute: number; ms: number[] }>();
  for (const sample of samples) {
    if (sample.status === 0) continue;
    const minute = Math.floor(sample.atMs / 60_000) + 1;
    const key = `${sample.route}\u0000${minute}`;
    const group = groups.get(key) ?? { route: sample.route, minute, ms: [] };
    group.ms.push(sample.ms);
    groups.set(key, group);
  }
  return [...groups.values()]
    .sort((a, b) => a.route.localeCompare(b.route) || a.minute - b.minute)
    .map(({ route, minute, ms }) => ({ route, minute, requests: ms.length, p50: percentile(ms, 50), p95: percentile(ms, 95) }));
}

/** p95 of one route's answered requests that started outside every window. */
export function p95Outside(samples: readonly RequestSample[], route: string, windows: readonly Window[]): number {
  return percentile(
    samples.filter((s) => s.route === route && s.status !== 0 && !inWindow(s.atMs, windows)).map((s) => s.ms),
    95,
  );
}

/** p95 of one route over consecutive buckets of `bucketMs`, for the plot (NaN for an empty bucket). */
export function p95Series(samples: readonly RequestSample[], route: string, bucketMs: number, endMs: number): { atMs: number; ms: number }[] {
  // Whole buckets only: requests that finish after the load stopped are not a point of their own.
  const buckets: number[][] = Array.from({ length: Math.max(1, Math.floor(endMs / bucketMs)) }, () => []);
  for (const s of samples) {
    if (s.route === route && s.status !== 0) buckets[Math.floor(s.atMs / bucketMs)]?.push(s.ms);
  }
  return buckets.map((ms, i) => ({ atMs: (i + 0.5) * bucketMs, ms: percentile(ms, 95) }));
}
