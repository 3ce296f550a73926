// How many events happen in each hour of the window: people work weekdays in office hours (the
// organization sits in US Eastern time), while API and SYSTEM traffic keeps a trickle going at night.

import type { Rng } from "./random";

export const MICROS_PER_HOUR = 3_600_000_000;

function hourWeight(startMicros: number): number {
  const date = new Date(startMicros / 1000);
  const localHour = (date.getUTCHours() + 24 - 5) % 24;
  const weekend = date.getUTCDay() === 0 || date.getUTCDay() === 6;
  const daily = localHour >= 9 && localHour < 18 ? 1 : localHour >= 7 && localHour < 22 ? 0.3 : 0.08;
  return daily * (weekend ? 0.15 : 1);
}

/** Events per hour over `hours` hours from `startMicros`, summing to exactly `total`. */
export function hourlySlots(rng: Rng, total: number, startMicros: number, hours: number): Int32Array {
  const weights = new Float64Array(hours);
  let sum = 0;
  for (let hour = 0; hour < hours; hour += 1) {
    // Noise so that no two days look alike.
    weights[hour] = hourWeight(startMicros + hour * MICROS_PER_HOUR) * (0.4 + rng.next() * 1.2);
    sum += weights[hour]!;
  }
  // Systematic sampling: cumulative expectations rounded with one shared random offset keep the total exact.
  const slots = new Int32Array(hours);
  const offset = rng.next();
  let running = 0;
  let placed = 0;
  for (let hour = 0; hour < hours; hour += 1) {
    running += (weights[hour]! / sum) * total;
    const upTo = Math.min(total, Math.floor(running + offset));
    slots[hour] = upTo - placed;
    placed = upTo;
  }
  slots[hours - 1]! += total - placed;
  return slots;
}
