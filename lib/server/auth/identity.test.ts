import { describe, expect, it } from "vitest";

import { readIdentity } from "@/lib/server/auth/identity";

describe("readIdentity", () => {
  it("reads the standard OpenID Connect claims", () => {
    expect(
      readIdentity({ sub: "00u1", email: "Alice@Example.com", email_verified: true, name: "Alice", extra: [1] }),
    ).toEqual({ id: "00u1", email: "alice@example.com", emailVerified: true, name: "Alice" });
  });

  it("understands email_verified sent as a string", () => {
    expect(readIdentity({ sub: "1", email: "a@b.io", email_verified: "false" }).emailVerified).toBe(false);
    expect(readIdentity({ sub: "1", email: "a@b.io", email_verified: "true" }).emailVerified).toBe(true);
  });

  it("leaves verification unknown when the claim is absent", () => {
    expect(readIdentity({ sub: "1", email: "a@b.io" }).emailVerified).toBeUndefined();
  });

  it("falls back to a username and a numeric id (GitHub)", () => {
    expect(readIdentity({ id: 42, login: "octocat", email: "o@github.io" })).toMatchObject({
      id: "42",
      name: "octocat",
    });
  });

  it("treats a malformed profile as an unverified stranger", () => {
    expect(readIdentity({ sub: "1", email: "a@b.io", email_verified: "yes" })).toEqual({
      id: "",
      email: undefined,
      emailVerified: false,
      name: undefined,
    });
    expect(readIdentity("nonsense").emailVerified).toBe(false);
  });
});
