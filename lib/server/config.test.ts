import { describe, expect, it } from "vitest";

import { EMBEDDED_SIMULATOR_BASE_URL, MERGE_REGIONS } from "@/lib/upstream";

import { parseServerConfig } from "./config";

describe("parseServerConfig", () => {
  it("uses the embedded simulator, US defaults and a 15 s timeout when nothing is set", () => {
    expect(parseServerConfig({})).toEqual({
      upstream: { kind: "embedded", baseUrl: EMBEDDED_SIMULATOR_BASE_URL },
      apiKey: undefined,
      category: "hris",
      timeoutMs: 15_000,
      exportMaxEvents: 1_000_000,
      archive: { mode: "embedded", dir: ".data/archive", syncIntervalS: 5, maxRequestsPerMinute: 60, retentionDays: undefined },
      database: { kind: "embedded", dir: ".data/archive" },
    });
  });

  it("syncs the archive every 30 s from Merge and every 5 s from a simulator", () => {
    expect(parseServerConfig({ MERGE_API_KEY: "k" }).archive).toMatchObject({ mode: "embedded", syncIntervalS: 30 });
    const standalone = parseServerConfig({ MERGE_API_KEY: "k", MERGE_API_BASE_URL: "http://127.0.0.1:4010/api" });
    expect(standalone.archive).toMatchObject({ syncIntervalS: 5 });
  });

  it("reads the archive's settings: a PostgreSQL server, the interval, the budget and the retention", () => {
    const config = parseServerConfig({
      DATABASE_URL: "postgres://audit@db.internal:5432/audit",
      ARCHIVE_DIR: "/ignored/with/a/server",
      ARCHIVE_SYNC_INTERVAL_S: "12",
      ARCHIVE_MAX_REQUESTS_PER_MINUTE: "30",
      ARCHIVE_RETENTION_DAYS: "400",
    });
    expect(config.archive).toEqual({
      mode: "server",
      databaseUrl: "postgres://audit@db.internal:5432/audit",
      syncIntervalS: 12,
      maxRequestsPerMinute: 30,
      retentionDays: 400,
    });
    expect(parseServerConfig({ ARCHIVE: "off", DATABASE_URL: "postgres://db/audit" }).archive).toEqual({ mode: "off" });
    // With the archive off, the records (access log, manifests, views) still have a database.
    expect(parseServerConfig({ ARCHIVE: "off", DATABASE_URL: "postgres://db/audit" }).database).toEqual({
      kind: "server",
      url: "postgres://db/audit",
    });
    expect(parseServerConfig({ ARCHIVE: "off", ARCHIVE_DIR: "/var/lib/audit" }).database).toEqual({ kind: "embedded", dir: "/var/lib/audit" });
    expect(parseServerConfig({ ARCHIVE_DIR: "/var/lib/audit" }).archive).toMatchObject({ mode: "embedded", dir: "/var/lib/audit" });
  });

  it("treats blank values as unset", () => {
    expect(parseServerConfig({ MERGE_API_KEY: "  ", MERGE_REGION: "", MERGE_CATEGORY: " " }).upstream.kind).toBe("embedded");
  });

  it.each(Object.entries(MERGE_REGIONS))("reads Merge's %s region with a key", (region, baseUrl) => {
    const config = parseServerConfig({ MERGE_API_KEY: " prod-key ", MERGE_REGION: region });
    expect(config).toMatchObject({ upstream: { kind: "remote", baseUrl }, apiKey: "prod-key" });
  });

  it("lets MERGE_API_BASE_URL override the region, without a trailing slash", () => {
    const config = parseServerConfig({
      MERGE_API_KEY: "k",
      MERGE_REGION: "eu",
      MERGE_API_BASE_URL: "http://127.0.0.1:4010/api/",
    });
    expect(config.upstream).toEqual({ kind: "remote", baseUrl: "http://127.0.0.1:4010/api" });
  });

  it("reads the category, the timeout and the export cap", () => {
    const config = parseServerConfig({ MERGE_CATEGORY: "ats", MERGE_TIMEOUT_MS: "2500", EXPORT_MAX_EVENTS: "5000" });
    expect(config).toMatchObject({ category: "ats", timeoutMs: 2500, exportMaxEvents: 5000 });
  });

  it.each<[string, Record<string, string>, string, RegExp]>([
    ["an unknown region", { MERGE_REGION: "mars" }, "MERGE_REGION", /one of us, eu, ap, sandbox/],
    ["a base URL that is not a URL", { MERGE_API_KEY: "k", MERGE_API_BASE_URL: "api.merge.dev" }, "MERGE_API_BASE_URL", /http\(s\) URL/],
    ["a base URL with another scheme", { MERGE_API_KEY: "k", MERGE_API_BASE_URL: "ftp://merge.test/api" }, "MERGE_API_BASE_URL", /http\(s\) URL/],
    ["a base URL without a key", { MERGE_API_BASE_URL: "http://127.0.0.1:4010/api" }, "MERGE_API_KEY", /set both, or neither/],
    ["an unknown category", { MERGE_CATEGORY: "payroll" }, "MERGE_CATEGORY", /one of hris, ats/],
    ["a timeout in words", { MERGE_TIMEOUT_MS: "fast" }, "MERGE_TIMEOUT_MS", /whole number of milliseconds from 100 to 120000/],
    ["a timeout too short", { MERGE_TIMEOUT_MS: "10" }, "MERGE_TIMEOUT_MS", /whole number of milliseconds from 100 to 120000/],
    ["a timeout too long", { MERGE_TIMEOUT_MS: "600000" }, "MERGE_TIMEOUT_MS", /whole number of milliseconds from 100 to 120000/],
    ["a fractional timeout", { MERGE_TIMEOUT_MS: "1500.5" }, "MERGE_TIMEOUT_MS", /whole number of milliseconds/],
    ["an export cap of zero", { EXPORT_MAX_EVENTS: "0" }, "EXPORT_MAX_EVENTS", /whole number of events, at least 1/],
    ["an export cap in words", { EXPORT_MAX_EVENTS: "lots" }, "EXPORT_MAX_EVENTS", /whole number of events/],
    ["an archive neither on nor off", { ARCHIVE: "yes" }, "ARCHIVE", /must be on or off/],
    ["a database URL of another kind", { DATABASE_URL: "mysql://db/audit" }, "DATABASE_URL", /postgres:\/\/ URL/],
    ["a sync interval of zero", { ARCHIVE_SYNC_INTERVAL_S: "0" }, "ARCHIVE_SYNC_INTERVAL_S", /whole number of seconds from 1/],
    ["a request budget in words", { ARCHIVE_MAX_REQUESTS_PER_MINUTE: "many" }, "ARCHIVE_MAX_REQUESTS_PER_MINUTE", /whole number of requests/],
    ["a fractional retention", { ARCHIVE_RETENTION_DAYS: "1.5" }, "ARCHIVE_RETENTION_DAYS", /whole number of days/],
  ])("names the variable at fault for %s", (_, env, variable, detail) => {
    let message = "";
    try {
      parseServerConfig(env);
    } catch (error) {
      message = error instanceof Error ? error.message : String(error);
    }
    expect(message).toMatch(/^Invalid server configuration: /);
    expect(message).toContain(variable);
    expect(message).toMatch(detail);
  });

  it("never repeats the key in its messages", () => {
    expect(() => parseServerConfig({ MERGE_API_KEY: "sk-secret-123", MERGE_REGION: "mars" })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining("sk-secret-123") }),
    );
  });
});
