// Small, fast, seedable randomness. The simulator must give the same events for the same seed on every
// machine, so nothing here touches Math.random.

/** A 32-bit FNV-1a hash of a string, so any text (e.g. SIMULATOR_SEED=demo) can seed the generator. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Mixes two 32-bit values into a well-spread third (murmur3's finaliser), for per-item derived seeds. */
export function mix32(a: number, b: number): number {
  let h = (a ^ Math.imul(b, 0x9e3779b1)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export type Rng = {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** A fresh 32-bit value, to seed something derived. */
  u32(): number;
};

/** mulberry32: one multiply-xorshift step per draw, plenty for synthetic data. A class (not closures)
 * because a page of a million-event trail creates one per event. */
class Mulberry32 implements Rng {
  constructor(private state: number) {}

  u32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  next(): number {
    return this.u32() / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error("pick() needs a non-empty list");
    return item;
  }
}

export function createRng(seed: number): Rng {
  return new Mulberry32(seed >>> 0);
}

/** Running totals of weights, for weightedIndex. */
export function cumulative(weights: readonly number[]): Float64Array {
  const totals = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((weight, index) => {
    sum += weight;
    totals[index] = sum;
  });
  return totals;
}

/** The index a uniform draw u in [0, 1) falls on, in proportion to the weights behind `totals`. */
export function weightedIndex(totals: Float64Array, u: number): number {
  const target = u * totals[totals.length - 1]!;
  let low = 0;
  let high = totals.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (totals[mid]! > target) high = mid;
    else low = mid + 1;
  }
  return low;
}
