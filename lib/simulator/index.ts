// The embedded Merge audit-trail simulator: createSimulator() gives a Request -> Response handler
// that the app calls in-process (no port) and server.ts serves over HTTP.

import { Dataset } from "./dataset";
import { parseFaults } from "./faults";
import { createHandler } from "./handler";
import { startLiveArrival } from "./live";
import { simulatorOptionsSchema, type ResolvedSimulatorOptions, type SimulatorOptions } from "./options";
import { hashString } from "./random";
import { MICROS_PER_MS } from "./time";

export { FAULT_HEADER } from "./handler";
export {
  DEFAULT_SIMULATOR_API_KEY,
  DEFAULT_SIMULATOR_PORT,
  MAX_SIMULATOR_EVENTS,
  simulatorOptionsFromEnv,
  simulatorPortFromEnv,
  type SimulatorOptions,
} from "./options";
export { decodeCursor, encodeCursor, type Cursor } from "./cursor";

export type Simulator = {
  handle(request: Request): Promise<Response>;
  /** The events it serves, oldest first (read-only: events arrive through addEvents). */
  readonly dataset: Pick<Dataset, "size" | "facts" | "event">;
  /** Adds `count` events happening now, as live arrival does. */
  addEvents(count?: number): void;
  /** How many events exist now. */
  size(): number;
  /** Audit-trail requests answered or failed so far (the counter fault rules use). */
  requestCount(): number;
  readonly options: ResolvedSimulatorOptions;
  /** Stops live arrival and releases hung or delayed requests. */
  close(): void;
};

export function createSimulator(input: SimulatorOptions = {}): Simulator {
  const options = simulatorOptionsSchema.parse(input);
  const startedAt = performance.now();
  const nowMs = options.now === undefined ? Date.now() : new Date(options.now).getTime();
  // The clock runs from the pinned `now`, so live events land after the generated ones.
  const clockMicros = () => Math.floor((nowMs + (performance.now() - startedAt)) * MICROS_PER_MS);
  const dataset = new Dataset({ seed: options.seed, events: options.events, nowMicros: nowMs * MICROS_PER_MS, days: options.days });
  const faults = parseFaults([options.faults, options.latencyMs > 0 ? `latency:${options.latencyMs}` : ""].join(","));
  if (!faults.ok) throw new Error(faults.error);
  const closing = new AbortController();
  const handler = createHandler({
    dataset,
    apiKey: options.apiKey,
    rules: faults.rules,
    seedHash: hashString(options.seed),
    elapsedMs: () => performance.now() - startedAt,
    closed: closing.signal,
  });
  const addEvents = (count = 1) => {
    for (let i = 0; i < count; i += 1) dataset.append(clockMicros());
  };
  const stopLive = startLiveArrival(options.liveEventsPerMinute, addEvents);

  return {
    handle: handler.handle,
    requestCount: handler.requestCount,
    options,
    addEvents,
    size: () => dataset.size,
    dataset,
    close() {
      stopLive();
      closing.abort(new Error("The simulator closed"));
    },
  };
}
