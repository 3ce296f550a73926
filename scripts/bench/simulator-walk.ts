import type { Simulator } from "./servers";

// The floor of every walk of the upstream: the bench itself reading the simulator's pages one after
// another at page_size 100, as fast as cursor paging allows, storing nothing.

const TIMEOUT_MS = 240_000;

export async function walkSimulator(simulator: Simulator): Promise<{ events: number; seconds: number }> {
  const started = performance.now();
  let events = 0;
  let cursor: string | null = null;
  do {
    if (performance.now() - started > TIMEOUT_MS) throw new Error(`Simulator walk: not done after ${TIMEOUT_MS / 1000} s`);
    const query = new URLSearchParams({ page_size: "100", ...(cursor && { cursor }) });
    const response = await fetch(simulator.pageUrl(query), { headers: { authorization: simulator.authHeader } });
    if (!response.ok) throw new Error(`Simulator walk: HTTP ${response.status}`);
    const page = (await response.json()) as { results: unknown[]; next: string | null };
    events += page.results.length;
    cursor = page.next;
  } while (cursor);
  return { events, seconds: (performance.now() - started) / 1000 };
}
