import { describe, expect, it } from "vitest";

import { EMBEDDED_SIMULATOR_BASE_URL, isDemoUpstream, isMergeHost, MERGE_REGIONS } from "./upstream";

describe("isMergeHost", () => {
  it.each(Object.values(MERGE_REGIONS))("recognises Merge's region %s", (baseUrl) => {
    expect(isMergeHost(baseUrl)).toBe(true);
  });

  it("recognises merge.dev itself, any subdomain, any case and a trailing dot", () => {
    expect(isMergeHost("https://merge.dev/api")).toBe(true);
    expect(isMergeHost("https://API.Merge.Dev/api")).toBe(true);
    expect(isMergeHost("https://api.merge.dev./api")).toBe(true);
  });

  it("does not mistake look-alike hosts for Merge", () => {
    for (const url of [
      "http://127.0.0.1:4010/api",
      "https://notmerge.dev/api",
      "https://merge.dev.evil.test/api",
      "https://api.merge.dev@evil.test/api",
      "https://egress.corp.example/merge",
    ]) {
      expect(isMergeHost(url)).toBe(false);
    }
  });
});

describe("isDemoUpstream", () => {
  it("is demo data for the embedded simulator and any non-Merge host", () => {
    expect(isDemoUpstream({ kind: "embedded", baseUrl: EMBEDDED_SIMULATOR_BASE_URL })).toBe(true);
    expect(isDemoUpstream({ kind: "remote", baseUrl: "http://127.0.0.1:4010/api" })).toBe(true);
  });

  it("is real data on every Merge region", () => {
    for (const baseUrl of Object.values(MERGE_REGIONS)) expect(isDemoUpstream({ kind: "remote", baseUrl })).toBe(false);
  });
});
