import { describe, expect, it } from "vitest";

import { parseSoakOptions } from "./options";

describe("soak options", () => {
  it("runs ten minutes by default, and builds", () => {
    expect(parseSoakOptions([], {})).toEqual({ minutes: 10, build: true });
  });

  it("takes SOAK_MINUTES, and --minutes over it", () => {
    expect(parseSoakOptions([], { SOAK_MINUTES: "3" }).minutes).toBe(3);
    expect(parseSoakOptions(["--minutes=2"], { SOAK_MINUTES: "3" }).minutes).toBe(2);
    expect(parseSoakOptions(["--no-build"], {}).build).toBe(false);
  });

  it.each([["--minutes=0"], ["--minutes=soon"], ["--fast"]])("refuses %s", (arg) => {
    expect(() => parseSoakOptions([arg], {})).toThrow();
  });

  it("names SOAK_MINUTES when it is wrong", () => {
    expect(() => parseSoakOptions([], { SOAK_MINUTES: "-1" })).toThrow(/SOAK_MINUTES/);
  });
});
