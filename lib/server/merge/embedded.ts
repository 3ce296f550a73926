import "server-only";

import { createSimulator, simulatorOptionsFromEnv, type Simulator } from "@/lib/simulator";

// The embedded upstream: the simulator answering in-process, so the app runs with no Merge account
// and no port. Its data is built once per process and kept on globalThis, because Next may load
// this module once per route bundle and the page, the API and the export must read the same trail.

declare global {
  var embeddedAuditTrailSimulator: Simulator | undefined;
}

/** The process's simulator, with the SIMULATOR_* settings it started with. */
export function embeddedSimulator(): Simulator {
  globalThis.embeddedAuditTrailSimulator ??= createSimulator(simulatorOptionsFromEnv(process.env));
  return globalThis.embeddedAuditTrailSimulator;
}
