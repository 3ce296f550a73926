import { afterEach, describe, expect, it, vi } from "vitest";

import { createAccessRecorder, requestOrigin } from "./access-recorder";

const entry = { user_email: "ada@acme.test", action: "view" as const, detail: { url: "/" }, ip: "192.0.2.1", user_agent: "UA" };

afterEach(() => vi.restoreAllMocks());

describe("the access recorder", () => {
  it("never rejects when the database is down: the entry goes to the server log, and the caller learns it", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    vi.spyOn(console, "error").mockImplementation(() => {});
    const record = createAccessRecorder(() => Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:5432")));
    await expect(record(entry)).resolves.toBe(false);
    const written = [...log.mock.calls, ...vi.mocked(console.error).mock.calls].map((args) => args.join(" ")).join("\n");
    expect(written).toContain("An access-log entry could not be stored in the database");
    expect(written).toContain('"url":"/"');
    expect(written).toContain("ECONNREFUSED");
  });

  it("gives up on a database that never answers, rather than hold the action", async () => {
    vi.spyOn(console, "log").mockImplementation(() => {});
    vi.spyOn(console, "error").mockImplementation(() => {});
    const record = createAccessRecorder(() => new Promise(() => {}));
    await expect(record(entry)).resolves.toBe(false);
  });
});

describe("requestOrigin", () => {
  it("takes the last X-Forwarded-For hop (the one the nearest proxy, or Next, added) and the user agent", () => {
    const headers = new Headers({ "x-forwarded-for": "10.0.0.1, 203.0.113.5", "user-agent": "Chromium" });
    expect(requestOrigin(headers)).toEqual({ ip: "203.0.113.5", user_agent: "Chromium" });
    expect(requestOrigin(new Headers())).toEqual({ ip: null, user_agent: null });
  });
});
