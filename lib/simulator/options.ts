// The simulator's settings, from code (createSimulator) or from the environment (the standalone
// server and the app's embedded default), each checked by zod with a message naming what is wrong.

import { z } from "zod";

import { parseFaults } from "./faults";

/** The key the simulator accepts unless SIMULATOR_API_KEY says otherwise. Local use only. */
export const DEFAULT_SIMULATOR_API_KEY = "sim_local_audit_trail_key";
export const DEFAULT_SIMULATOR_PORT = 4010;
export const MAX_SIMULATOR_EVENTS = 1_000_000;

const faultsText = z.string().superRefine((text, context) => {
  const parsed = parseFaults(text);
  if (!parsed.ok) context.addIssue({ code: "custom", message: parsed.error });
});

export const simulatorOptionsSchema = z.object({
  apiKey: z.string().min(1).default(DEFAULT_SIMULATOR_API_KEY),
  /** Same seed (and same `now`), same events. */
  seed: z.union([z.string().min(1), z.number()]).transform(String).default("42"),
  events: z.number().int().min(0).max(MAX_SIMULATOR_EVENTS).default(4000),
  /** The end of the data window; defaults to the moment the simulator is created. */
  now: z.union([z.date(), z.iso.datetime({ offset: true }), z.number()]).optional(),
  days: z.number().int().min(1).max(3650).default(90),
  /** Fault rules, see faults.ts. */
  faults: faultsText.default(""),
  /** Added to every answer. */
  latencyMs: z.number().int().min(0).max(600_000).default(0),
  /** New events created while it runs; 0 keeps the trail still. */
  liveEventsPerMinute: z.number().min(0).max(60_000).default(0),
});

export type SimulatorOptions = z.input<typeof simulatorOptionsSchema>;
export type ResolvedSimulatorOptions = z.output<typeof simulatorOptionsSchema>;

const blankAsUnset = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const integer = (min: number, max: number) =>
  z.preprocess(blankAsUnset, z.coerce.number().int().min(min).max(max).optional());

const envSchema = z.object({
  SIMULATOR_API_KEY: z.preprocess(blankAsUnset, z.string().trim().min(1).optional()),
  SIMULATOR_SEED: z.preprocess(blankAsUnset, z.string().trim().min(1).optional()),
  SIMULATOR_EVENTS: integer(0, MAX_SIMULATOR_EVENTS),
  SIMULATOR_NOW: z.preprocess(
    blankAsUnset,
    z.iso.datetime({ offset: true, message: "must be an ISO 8601 date-time, e.g. 2026-11-28T12:00:00Z" }).optional(),
  ),
  SIMULATOR_DAYS: integer(1, 3650),
  SIMULATOR_FAULTS: z.preprocess(blankAsUnset, faultsText.optional()),
  SIMULATOR_LATENCY_MS: integer(0, 600_000),
  SIMULATOR_LIVE_EVENTS_PER_MINUTE: z.preprocess(blankAsUnset, z.coerce.number().min(0).max(60_000).optional()),
  SIMULATOR_PORT: integer(1, 65_535),
});

function parseEnv(env: Record<string, string | undefined>) {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
    throw new Error(`Invalid simulator configuration: ${problems.join("; ")}`);
  }
  return result.data;
}

/** createSimulator's options from SIMULATOR_* variables; throws naming the variable that is wrong. */
export function simulatorOptionsFromEnv(env: Record<string, string | undefined>): SimulatorOptions {
  const parsed = parseEnv(env);
  return {
    apiKey: parsed.SIMULATOR_API_KEY,
    seed: parsed.SIMULATOR_SEED,
    events: parsed.SIMULATOR_EVENTS,
    now: parsed.SIMULATOR_NOW,
    days: parsed.SIMULATOR_DAYS,
    faults: parsed.SIMULATOR_FAULTS,
    latencyMs: parsed.SIMULATOR_LATENCY_MS,
    liveEventsPerMinute: parsed.SIMULATOR_LIVE_EVENTS_PER_MINUTE,
  };
}

/** The standalone server's port (SIMULATOR_PORT, default 4010). */
export function simulatorPortFromEnv(env: Record<string, string | undefined>): number {
  return parseEnv(env).SIMULATOR_PORT ?? DEFAULT_SIMULATOR_PORT;
}
