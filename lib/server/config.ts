import "server-only";

import { z } from "zod";

import {
  EMBEDDED_SIMULATOR_BASE_URL,
  MERGE_CATEGORIES,
  MERGE_REGIONS,
  type MergeCategory,
  type MergeRegion,
  type Upstream,
} from "@/lib/upstream";

const blankAsUnset = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/** A whole number within bounds, with one message for every way of missing it (words, fractions, range). */
const wholeNumber = (min: number, max: number, message: string) =>
  z.coerce.number({ message }).int({ message }).min(min, { message }).max(max, { message });

const envSchema = z
  .object({
    MERGE_API_KEY: z.preprocess(blankAsUnset, z.string().trim().min(1).optional()),
    MERGE_REGION: z.preprocess(
      blankAsUnset,
      z
        .enum(Object.keys(MERGE_REGIONS) as [MergeRegion, ...MergeRegion[]], {
          message: `must be one of ${Object.keys(MERGE_REGIONS).join(", ")}`,
        })
        .default("us"),
    ),
    MERGE_API_BASE_URL: z.preprocess(
      blankAsUnset,
      z
        .url({ protocol: /^https?$/, message: "must be an http(s) URL such as https://api.merge.dev/api" })
        .transform((url) => url.replace(/\/+$/, ""))
        .optional(),
    ),
    MERGE_CATEGORY: z.preprocess(
      blankAsUnset,
      z.enum(MERGE_CATEGORIES, { message: `must be one of ${MERGE_CATEGORIES.join(", ")}` }).default("hris"),
    ),
    MERGE_TIMEOUT_MS: z.preprocess(
      blankAsUnset,
      wholeNumber(100, 120_000, "must be a whole number of milliseconds from 100 to 120000").default(15_000),
    ),
    EXPORT_MAX_EVENTS: z.preprocess(
      blankAsUnset,
      wholeNumber(1, Number.MAX_SAFE_INTEGER, "must be a whole number of events, at least 1").default(1_000_000),
    ),
  });

export type ServerConfig = {
  upstream: Upstream;
  /** Absent only for the embedded simulator, which needs none. */
  apiKey: string | undefined;
  category: MergeCategory;
  timeoutMs: number;
  exportMaxEvents: number;
};

export function parseServerConfig(env: Record<string, string | undefined>): ServerConfig {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
    throw new Error(`Invalid server configuration: ${problems.join("; ")}`);
  }
  const parsed = result.data;
  if (!parsed.MERGE_API_KEY) {
    if (parsed.MERGE_API_BASE_URL) {
      throw new Error(
        "Invalid server configuration: MERGE_API_BASE_URL is set but MERGE_API_KEY is not; set both, or neither for the embedded simulator",
      );
    }
    return {
      upstream: { kind: "embedded", baseUrl: EMBEDDED_SIMULATOR_BASE_URL },
      apiKey: undefined,
      category: parsed.MERGE_CATEGORY,
      timeoutMs: parsed.MERGE_TIMEOUT_MS,
      exportMaxEvents: parsed.EXPORT_MAX_EVENTS,
    };
  }
  return {
    upstream: { kind: "remote", baseUrl: parsed.MERGE_API_BASE_URL ?? MERGE_REGIONS[parsed.MERGE_REGION] },
    apiKey: parsed.MERGE_API_KEY,
    category: parsed.MERGE_CATEGORY,
    timeoutMs: parsed.MERGE_TIMEOUT_MS,
    exportMaxEvents: parsed.EXPORT_MAX_EVENTS,
  };
}

let cached: ServerConfig | undefined;

/** The server configuration, read from the environment once per process. */
export function getServerConfig(): ServerConfig {
  cached ??= parseServerConfig(process.env);
  return cached;
}
