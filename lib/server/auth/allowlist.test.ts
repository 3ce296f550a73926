import { describe, expect, it } from "vitest";

import { checkAllowlist, isAllowlistEmpty, parseAllowlist } from "@/lib/server/auth/allowlist";

const allowlist = parseAllowlist({
  emails: " Alice@Example.com, ,bob@partner.io ",
  domains: "Acme.COM,@corp.example",
});

describe("parseAllowlist", () => {
  it("splits on commas, trims, lower-cases and drops empty entries", () => {
    expect([...allowlist.emails]).toEqual(["alice@example.com", "bob@partner.io"]);
    expect([...allowlist.domains]).toEqual(["acme.com", "corp.example"]);
  });

  it("treats unset and blank variables as an empty list", () => {
    expect(isAllowlistEmpty(parseAllowlist({ emails: undefined, domains: undefined }))).toBe(true);
    expect(isAllowlistEmpty(parseAllowlist({ emails: " , ", domains: "" }))).toBe(true);
  });
});

describe("checkAllowlist", () => {
  it("lets in listed addresses whatever their case", () => {
    expect(checkAllowlist(allowlist, { email: "ALICE@example.COM" })).toEqual({ allowed: true });
    expect(checkAllowlist(allowlist, { email: "bob@partner.io", emailVerified: true })).toEqual({ allowed: true });
  });

  it("lets in any address on a listed domain, but not its subdomains or look-alikes", () => {
    expect(checkAllowlist(allowlist, { email: "carol@ACME.com" })).toEqual({ allowed: true });
    expect(checkAllowlist(allowlist, { email: "dave@corp.example" })).toEqual({ allowed: true });
    expect(checkAllowlist(allowlist, { email: "eve@evil.acme.com" })).toEqual({ allowed: false, reason: "not_listed" });
    expect(checkAllowlist(allowlist, { email: "eve@notacme.com" })).toEqual({ allowed: false, reason: "not_listed" });
    expect(checkAllowlist(allowlist, { email: "acme.com@evil.io" })).toEqual({ allowed: false, reason: "not_listed" });
  });

  it("refuses unlisted, missing and malformed addresses", () => {
    expect(checkAllowlist(allowlist, { email: "mallory@example.com" })).toEqual({ allowed: false, reason: "not_listed" });
    expect(checkAllowlist(allowlist, { email: undefined })).toEqual({ allowed: false, reason: "not_listed" });
    expect(checkAllowlist(allowlist, { email: "acme.com" })).toEqual({ allowed: false, reason: "not_listed" });
    expect(checkAllowlist(allowlist, { email: "carol@" })).toEqual({ allowed: false, reason: "not_listed" });
  });

  it("does not count an email the identity provider reports as unverified", () => {
    expect(checkAllowlist(allowlist, { email: "alice@example.com", emailVerified: false })).toEqual({
      allowed: false,
      reason: "unverified",
    });
  });

  it("lets nobody in when neither variable is set", () => {
    const empty = parseAllowlist({ emails: undefined, domains: undefined });
    expect(checkAllowlist(empty, { email: "alice@example.com", emailVerified: true })).toEqual({
      allowed: false,
      reason: "no_allowlist",
    });
  });
});
