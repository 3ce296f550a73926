// Live arrival: while the simulator runs, new events keep coming at a steady rate, so a dashboard
// left open sees the trail grow. Counting from the start (not per tick) keeps the rate exact even
// when timers fire late.

const TICK_MS = 250;

/** Calls add(n) so that `perMinute` events arrive per minute; returns the function that stops it. */
export function startLiveArrival(perMinute: number, add: (count: number) => void): () => void {
  if (perMinute <= 0) return () => {};
  const startedAt = performance.now();
  let added = 0;
  const timer = setInterval(() => {
    const due = Math.floor(((performance.now() - startedAt) / 60_000) * perMinute);
    if (due > added) add(due - added);
    added = due;
  }, TICK_MS);
  // Never keep a process (a test run, a script) alive just for this.
  timer.unref?.();
  return () => clearInterval(timer);
}
