import { describe, expect, it } from "vitest";

import { DEVELOPMENT_SECRET, resolveAuthSecret } from "@/lib/server/auth/secret";

const strong = "q3P9vXh2Lr8sT1wYz6Bn4Kc7Md0Fg5Ja";
const NODE_ENVS = ["development", "test", "production", undefined];
const demoOnly = { demoOnly: true };
const real = { demoOnly: false };

describe("resolveAuthSecret", () => {
  it.each(NODE_ENVS)("requires NEXTAUTH_SECRET with a real upstream or an identity provider (NODE_ENV=%s)", (NODE_ENV) => {
    expect(() => resolveAuthSecret({ NODE_ENV }, real)).toThrow(/NEXTAUTH_SECRET is not set/);
    expect(() => resolveAuthSecret({ NODE_ENV, NEXTAUTH_SECRET: "  " }, real)).toThrow(/NEXTAUTH_SECRET is not set/);
    expect(() => resolveAuthSecret({ NODE_ENV, NEXTAUTH_SECRET: "short" }, real)).toThrow(/NEXTAUTH_SECRET is too weak/);
    expect(() => resolveAuthSecret({ NODE_ENV, NEXTAUTH_SECRET: DEVELOPMENT_SECRET }, real)).toThrow(
      /NEXTAUTH_SECRET is the public development secret/,
    );
    expect(resolveAuthSecret({ NODE_ENV, NEXTAUTH_SECRET: strong }, real)).toBe(strong);
  });

  it("requires NEXTAUTH_SECRET in production even for demo data", () => {
    expect(() => resolveAuthSecret({ NODE_ENV: "production" }, demoOnly)).toThrow(/NEXTAUTH_SECRET is not set/);
    expect(() => resolveAuthSecret({ NODE_ENV: "production", NEXTAUTH_SECRET: DEVELOPMENT_SECRET }, demoOnly)).toThrow(
      /NEXTAUTH_SECRET/,
    );
    expect(resolveAuthSecret({ NODE_ENV: "production", NEXTAUTH_SECRET: strong }, demoOnly)).toBe(strong);
  });

  it("falls back to the development secret only for demo data outside production (npm run dev)", () => {
    expect(resolveAuthSecret({ NODE_ENV: "development" }, demoOnly)).toBe(DEVELOPMENT_SECRET);
    expect(resolveAuthSecret({ NODE_ENV: "test" }, demoOnly)).toBe(DEVELOPMENT_SECRET);
    expect(resolveAuthSecret({ NODE_ENV: "development", NEXTAUTH_SECRET: strong }, demoOnly)).toBe(strong);
    expect(() => resolveAuthSecret({ NODE_ENV: "development", NEXTAUTH_SECRET: "short" }, demoOnly)).toThrow(/too weak/);
  });
});
