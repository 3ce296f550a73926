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
    });
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
