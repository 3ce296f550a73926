import type { RssSample } from "./samples";

// Does an instance's memory keep growing? A least-squares line through its samples over the last
// half of the run, read as MB gained over that half: one spike or a collection cycle barely moves
// it, a leak does.

/** Slope of the least-squares line through the points, per unit of x (0 for fewer than two points). */
export function slope(points: readonly { x: number; y: number }[]): number {
  if (points.length < 2) return 0;
  const meanX = points.reduce((sum, p) => sum + p.x, 0) / points.length;
  const meanY = points.reduce((sum, p) => sum + p.y, 0) / points.length;
  let covariance = 0;
  let variance = 0;
  for (const p of points) {
    covariance += (p.x - meanX) * (p.y - meanY);
    variance += (p.x - meanX) ** 2;
  }
  return variance === 0 ? 0 : covariance / variance;
}

export type RssGrowth = { instance: string; pid: number; growthMb: number; firstMb: number; lastMb: number };

/**
 * Per instance, the trend of RSS from `fromMs` to `toMs` as MB over that span. An instance restarted
 * in between is judged by its last process only, which must have run through the whole span.
 */
export function rssGrowth(samples: readonly RssSample[], fromMs: number, toMs: number): RssGrowth[] {
  const instances = [...new Set(samples.map((s) => s.instance))].sort();
  return instances.flatMap((instance) => {
    const mine = samples.filter((s) => s.instance === instance);
    const pid = mine[mine.length - 1]!.pid;
    const ofLastProcess = mine.filter((s) => s.pid === pid);
    if (ofLastProcess[0]!.atMs > fromMs) return [];
    const span = ofLastProcess.filter((s) => s.atMs >= fromMs && s.atMs <= toMs);
    if (span.length < 2) return [];
    const perMs = slope(span.map((s) => ({ x: s.atMs, y: s.mb })));
    return [{ instance, pid, growthMb: perMs * (toMs - fromMs), firstMb: span[0]!.mb, lastMb: span[span.length - 1]!.mb }];
  });
}
