import { describe, expect, it } from "vitest";

import { createRangeClock } from "./range-clock";

const SERVER_NOW = Date.parse("2026-11-28T12:00:00Z");

/** A clock the test moves by hand. */
function handClock(start: number) {
  let ms = start;
  return { now: () => ms, move: (by: number) => (ms += by) };
}

describe("createRangeClock", () => {
  it("resolves the page's first filter state at the server's instant, so the prefetch is found", () => {
    const hand = handClock(SERVER_NOW + 2_000);
    const clock = createRangeClock(SERVER_NOW, hand.now);
    clock.claim("range=1h");
    expect(clock.instant("range=1h")).toBe(SERVER_NOW);
  });

  it("resolves at the browser's own instant when the server's is stale (a restored page, another clock)", () => {
    const hand = handClock(SERVER_NOW + 70 * 60_000);
    const clock = createRangeClock(SERVER_NOW, hand.now);
    expect(clock.instant("range=1h")).toBe(SERVER_NOW + 70 * 60_000);
  });

  it("resolves a later filter state when first shown, keeps it for Back, and renews on request", () => {
    const hand = handClock(SERVER_NOW);
    const clock = createRangeClock(SERVER_NOW, hand.now);
    clock.claim("range=1h");
    hand.move(10 * 60_000);
    clock.claim("range=24h");
    expect(clock.instant("range=24h")).toBe(SERVER_NOW + 10 * 60_000);
    hand.move(5 * 60_000);
    clock.claim("range=1h");
    expect(clock.instant("range=1h")).toBe(SERVER_NOW);
    clock.renew("range=1h");
    expect(clock.instant("range=1h")).toBe(SERVER_NOW + 15 * 60_000);
  });

  it("tells its subscribers when an instant changes", () => {
    const clock = createRangeClock(SERVER_NOW, () => SERVER_NOW);
    let calls = 0;
    const unsubscribe = clock.subscribe(() => calls++);
    clock.renew("range=1h");
    clock.claim("range=1h");
    unsubscribe();
    clock.renew("range=7d");
    expect(calls).toBe(1);
  });
});
