import { describe, expect, it } from "vitest";

import { decideAccess } from "@/lib/server/auth/access";
import { parseAllowlist } from "@/lib/server/auth/allowlist";
import { DEMO_USER } from "@/lib/server/auth/demo";

const listed = parseAllowlist({ emails: "alice@example.com", domains: undefined });
const empty = parseAllowlist({ emails: undefined, domains: undefined });

describe("decideAccess", () => {
  it("always lets the demo user in while the data is demo data, allowlist or not", () => {
    for (const allowlist of [listed, empty]) {
      expect(decideAccess({ provider: "demo", email: DEMO_USER.email }, { allowlist, demoEnabled: true })).toEqual({
        allowed: true,
      });
    }
  });

  it("shuts the demo user out once the upstream is Merge", () => {
    expect(decideAccess({ provider: "demo", email: DEMO_USER.email }, { allowlist: listed, demoEnabled: false })).toEqual(
      { allowed: false, reason: "demo_unavailable" },
    );
  });

  it("does not let a real provider's user in just for having the demo address", () => {
    expect(decideAccess({ provider: "oidc", email: DEMO_USER.email }, { allowlist: listed, demoEnabled: true })).toEqual({
      allowed: false,
      reason: "not_listed",
    });
  });

  it("applies the allowlist to real providers", () => {
    const context = { allowlist: listed, demoEnabled: true };
    expect(decideAccess({ provider: "oidc", email: "alice@example.com" }, context)).toEqual({ allowed: true });
    expect(decideAccess({ provider: "github", email: "alice@example.com", emailVerified: false }, context)).toEqual({
      allowed: false,
      reason: "unverified",
    });
  });
});
