import autocannon from "autocannon";

// One load run with autocannon: requests per second and p50 latency, failing on any answer that is
// not a 2xx (a figure of error pages would mean nothing).

export type LoadTarget = { name: string; url: string; headers: Record<string, string> };
export type LoadResult = { rps: number; p50: number; requests: number };

export async function runLoad(target: LoadTarget, connections: number, seconds: number): Promise<LoadResult> {
  const result = await autocannon({ url: target.url, headers: target.headers, connections, duration: seconds, timeout: 10 });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${target.name} at ${connections} connections: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  }
  return { rps: result.requests.average, p50: result.latency.p50, requests: Math.max(1, result.requests.total) };
}
