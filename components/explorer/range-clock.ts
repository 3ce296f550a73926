// The instants the page's relative ranges were resolved at, one per filter state (keyed by its
// canonical query). An external store, so the server's instant can hold while hydrating (its
// prefetch sits under that key) and the browser's own reading replace it right after when the two
// clocks disagree, with no effect setting state.

/** How far the browser's clock may be from the server's instant before the page resolves again. */
const SERVER_INSTANT_TOLERANCE_MS = 60 * 1000;

export type RangeClock = {
  subscribe(listener: () => void): () => void;
  /** The instant the filter state `key` is resolved at. */
  instant(key: string): number;
  /** Resolves `key` again now: a filter change about to be written, a tab coming back. */
  renew(key: string): void;
  /** Keeps the instant `key` is first shown with: later visits (Back, Forward) show the same result set. */
  claim(key: string): void;
};

export function createRangeClock(serverNow: number, now: () => number = Date.now): RangeClock {
  const instants = new Map<string, number>();
  const listeners = new Set<() => void>();
  // The page's first filter state is the server's, resolved at its instant unless that is stale
  // (a page restored from the cache, a browser whose clock is elsewhere); read once, on first use.
  let first: number | null = null;
  const firstInstant = () => (first ??= Math.abs(now() - serverNow) <= SERVER_INSTANT_TOLERANCE_MS ? serverNow : now());
  const set = (key: string, at: number) => {
    instants.set(key, at);
    for (const listener of listeners) listener();
  };
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    instant: (key) => instants.get(key) ?? firstInstant(),
    renew: (key) => set(key, now()),
    claim(key) {
      if (!instants.has(key)) set(key, instants.size === 0 ? firstInstant() : now());
    },
  };
}
