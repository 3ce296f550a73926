import "server-only";

import { z } from "zod";

import {
  EMBEDDED_SIMULATOR_BASE_URL,
  MERGE_CATEGORIES,
  MERGE_REGIONS,
  type MergeCategory,
  type MergeRegion,
  isDemoUpstream,
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
    ARCHIVE: z.preprocess(blankAsUnset, z.enum(["on", "off"], { message: "must be on or off" }).default("on")),
    ARCHIVE_DIR: z.preprocess(blankAsUnset, z.string().default(".data/archive")),
    DATABASE_URL: z.preprocess(
      blankAsUnset,
      z
        .url({ protocol: /^postgres(ql)?$/, message: "must be a postgres:// URL such as postgres://user@db.example.com:5432/audit" })
        .optional(),
    ),
    ARCHIVE_SYNC_INTERVAL_S: z.preprocess(
      blankAsUnset,
      wholeNumber(1, 86_400, "must be a whole number of seconds from 1 to 86400").optional(),
    ),
    ARCHIVE_MAX_REQUESTS_PER_MINUTE: z.preprocess(
      blankAsUnset,
      wholeNumber(1, 10_000, "must be a whole number of requests from 1 to 10000").default(60),
    ),
    ARCHIVE_RETENTION_DAYS: z.preprocess(
      blankAsUnset,
      wholeNumber(1, 36_500, "must be a whole number of days from 1 to 36500, or unset to keep every event").optional(),
    ),
  });

/** The archive (lib/server/archive): off, embedded PGlite in a folder, or a PostgreSQL server. */
export type ArchiveConfig =
  | { mode: "off" }
  | ({ mode: "embedded"; dir: string } & ArchiveSyncConfig)
  | ({ mode: "server"; databaseUrl: string } & ArchiveSyncConfig);

export type ArchiveSyncConfig = { syncIntervalS: number; maxRequestsPerMinute: number; retentionDays: number | undefined };

// Merge's budget is shared with people's live requests, so its interval is the patient one.
const DEFAULT_SYNC_INTERVAL_S = { merge: 30, demo: 5 };

function archiveConfig(parsed: z.infer<typeof envSchema>, upstream: Upstream): ArchiveConfig {
  if (parsed.ARCHIVE === "off") return { mode: "off" };
  const sync: ArchiveSyncConfig = {
    syncIntervalS:
      parsed.ARCHIVE_SYNC_INTERVAL_S ?? (isDemoUpstream(upstream) ? DEFAULT_SYNC_INTERVAL_S.demo : DEFAULT_SYNC_INTERVAL_S.merge),
    maxRequestsPerMinute: parsed.ARCHIVE_MAX_REQUESTS_PER_MINUTE,
    retentionDays: parsed.ARCHIVE_RETENTION_DAYS,
  };
  return parsed.DATABASE_URL
    ? { mode: "server", databaseUrl: parsed.DATABASE_URL, ...sync }
    : { mode: "embedded", dir: parsed.ARCHIVE_DIR, ...sync };
}

/**
 * The database of the archive and of the app's own records (access log, export manifests, views):
 * one in every mode, ARCHIVE=off included, where it holds only the records and nothing is synced.
 */
export type DatabaseConfig = { kind: "embedded"; dir: string } | { kind: "server"; url: string };

function databaseConfig(parsed: z.infer<typeof envSchema>): DatabaseConfig {
  return parsed.DATABASE_URL ? { kind: "server", url: parsed.DATABASE_URL } : { kind: "embedded", dir: parsed.ARCHIVE_DIR };
}

export type ServerConfig = {
  upstream: Upstream;
  /** Absent only for the embedded simulator, which needs none. */
  apiKey: string | undefined;
  category: MergeCategory;
  timeoutMs: number;
  exportMaxEvents: number;
  archive: ArchiveConfig;
  database: DatabaseConfig;
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
    const upstream: Upstream = { kind: "embedded", baseUrl: EMBEDDED_SIMULATOR_BASE_URL };
    return {
      upstream,
      apiKey: undefined,
      category: parsed.MERGE_CATEGORY,
      timeoutMs: parsed.MERGE_TIMEOUT_MS,
      exportMaxEvents: parsed.EXPORT_MAX_EVENTS,
      archive: archiveConfig(parsed, upstream),
      database: databaseConfig(parsed),
    };
  }
  const upstream: Upstream = { kind: "remote", baseUrl: parsed.MERGE_API_BASE_URL ?? MERGE_REGIONS[parsed.MERGE_REGION] };
  return {
    upstream,
    apiKey: parsed.MERGE_API_KEY,
    category: parsed.MERGE_CATEGORY,
    timeoutMs: parsed.MERGE_TIMEOUT_MS,
    exportMaxEvents: parsed.EXPORT_MAX_EVENTS,
    archive: archiveConfig(parsed, upstream),
    database: databaseConfig(parsed),
  };
}

let cached: ServerConfig | undefined;

/** The server configuration, read from the environment once per process. */
export function getServerConfig(): ServerConfig {
  cached ??= parseServerConfig(process.env);
  return cached;
}
