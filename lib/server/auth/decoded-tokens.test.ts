import { encode } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";

import { decodeSessionToken } from "./decoded-tokens";

const secret = "a-test-secret-of-enough-length-for-next-auth";
const claims = { email: "ada@acme.test", name: "Ada", provider: "demo" };

afterEach(() => vi.useRealTimers());

describe("decodeSessionToken", () => {
  it("answers a token's claims, the same for the same cookie", async () => {
    const token = await encode({ token: claims, secret });
    expect(await decodeSessionToken({ token, secret })).toMatchObject(claims);
    expect(await decodeSessionToken({ token, secret })).toMatchObject(claims);
  });

  it("refuses a tampered cookie and one sealed with another secret, even after the real one was read", async () => {
    const token = await encode({ token: claims, secret });
    await decodeSessionToken({ token, secret });
    const tampered = `${token.slice(0, -4)}${token.slice(-4) === "AAAA" ? "BBBB" : "AAAA"}`;
    await expect(decodeSessionToken({ token: tampered, secret })).rejects.toThrow();
    await expect(decodeSessionToken({ token, secret: `${secret}-other` })).rejects.toThrow();
  });

  it("stops answering a token once it has expired, though it was read before", async () => {
    vi.useFakeTimers({ now: new Date("2026-12-01T10:00:00Z") });
    const token = await encode({ token: claims, secret, maxAge: 60 });
    expect(await decodeSessionToken({ token, secret })).toMatchObject(claims);
    vi.setSystemTime(new Date("2026-12-01T10:02:00Z"));
    await expect(decodeSessionToken({ token, secret })).rejects.toThrow();
  });
});
