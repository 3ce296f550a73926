import { describe, expect, it } from "vitest";

import { explorerUrl } from "@/lib/explorer-url";

import { applyFacet } from "./facet-filter";

describe("applyFacet", () => {
  it("adds a value beside those already included", () => {
    const filters = applyFacet({ event_type: { include: ["INVITED_USER"], exclude: [] } }, "event_type", "CHANGED_PASSWORD", "include");
    expect(filters.event_type).toEqual({ include: ["CHANGED_PASSWORD", "INVITED_USER"], exclude: [] });
  });

  it("excludes with a leading - in the URL, and an excluded value is no longer included", () => {
    const filters = applyFacet({ event_type: { include: ["MUTED_ISSUE"], exclude: [] } }, "event_type", "MUTED_ISSUE", "exclude");
    expect(explorerUrl({ filters })).toBe("/?event_type=-MUTED_ISSUE");
  });

  it("writes an IP address facet as the ip filter, and keeps the other filters", () => {
    const filters = applyFacet({ role: { include: ["ADMIN"], exclude: [] } }, "ip_address", "198.51.100.23", "include");
    expect(explorerUrl({ filters })).toBe("/?role=ADMIN&ip=198.51.100.23");
  });

  it("adds users and roles under their own names", () => {
    const byUser = applyFacet({}, "user_email", "jane@acme.com", "exclude");
    expect(explorerUrl({ filters: applyFacet(byUser, "role", "API", "include") })).toBe(
      "/?user_email=-jane%40acme.com&role=API",
    );
  });
});
