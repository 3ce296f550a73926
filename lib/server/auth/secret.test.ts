import { describe, expect, it } from "vitest";

import { DEVELOPMENT_SECRET, resolveAuthSecret } from "@/lib/server/auth/secret";

const strong = "q3P9vXh2Lr8sT1wYz6Bn4Kc7Md0Fg5Ja";

describe("resolveAuthSecret", () => {
  it("requires NEXTAUTH_SECRET in production, naming the variable", () => {
    expect(() => resolveAuthSecret({ NODE_ENV: "production" })).toThrow(/NEXTAUTH_SECRET is not set/);
    expect(() => resolveAuthSecret({ NODE_ENV: "production", NEXTAUTH_SECRET: "  " })).toThrow(/NEXTAUTH_SECRET/);
  });

  it("refuses a short secret or the development secret in production", () => {
    expect(() => resolveAuthSecret({ NODE_ENV: "production", NEXTAUTH_SECRET: "short" })).toThrow(/too weak/);
    expect(() => resolveAuthSecret({ NODE_ENV: "production", NEXTAUTH_SECRET: DEVELOPMENT_SECRET })).toThrow(
      /too weak/,
    );
  });

  it("uses the configured secret in production", () => {
    expect(resolveAuthSecret({ NODE_ENV: "production", NEXTAUTH_SECRET: strong })).toBe(strong);
  });

  it("falls back to a fixed development secret outside production", () => {
    expect(resolveAuthSecret({ NODE_ENV: "development" })).toBe(DEVELOPMENT_SECRET);
    expect(resolveAuthSecret({})).toBe(DEVELOPMENT_SECRET);
    expect(resolveAuthSecret({ NODE_ENV: "development", NEXTAUTH_SECRET: strong })).toBe(strong);
  });
});
