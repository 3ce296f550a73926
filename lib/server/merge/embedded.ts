import "server-only";

import { createSimulator, simulatorOptionsFromEnv, type Simulator } from "@/lib/simulator";

import type { FetchLike } from "./client";

// The embedded upstream: the simulator answering in-process, so the app runs with no Merge account
// and no port. Its data is built once per process and kept on globalThis, because Next may load
// this module once per route bundle and the page, the API and the export must read the same trail.
// Keyed by its settings, so a process (a test) that changes SIMULATOR_* gets the simulator it asked for.

declare global {
  var embeddedSimulators: Map<string, Simulator> | undefined;
}

/** The process's simulator for the current SIMULATOR_* settings. */
export function embeddedSimulator(): Simulator {
  const options = simulatorOptionsFromEnv(process.env);
  const key = JSON.stringify(options);
  globalThis.embeddedSimulators ??= new Map();
  let simulator = globalThis.embeddedSimulators.get(key);
  if (!simulator) {
    simulator = createSimulator(options);
    globalThis.embeddedSimulators.set(key, simulator);
  }
  return simulator;
}

/** A fetch that never leaves the process, and the key the simulator expects. */
export function embeddedUpstream(): { fetch: FetchLike; apiKey: string } {
  const simulator = embeddedSimulator();
  return {
    fetch: (url, init) => simulator.handle(new Request(url, init)),
    apiKey: simulator.options.apiKey,
  };
}
