import { describe, expect, it } from "vitest";

import { EVENT_TYPE_GROUPS, KNOWN_EVENT_TYPES } from "@/lib/event-types";

import { eventTypeOptionGroups, flattenOptions, UNKNOWN_CODE_GROUP } from "./event-type-options";

function codes(search: string): string[] {
  return flattenOptions(eventTypeOptionGroups(search)).map((option) => option.code);
}

describe("eventTypeOptionGroups", () => {
  it("lists all 43 known types, grouped by area in the product's order, when nothing is typed", () => {
    const groups = eventTypeOptionGroups("");
    expect(groups.map((g) => g.group)).toEqual([...EVENT_TYPE_GROUPS]);
    expect(codes("")).toHaveLength(43);
    expect(new Set(codes(""))).toEqual(new Set(KNOWN_EVENT_TYPES));
  });

  it("matches the human label, case-insensitively", () => {
    expect(codes("regenerated production")).toEqual(["REGENERATED_PRODUCTION_API_KEY"]);
    expect(codes("invited")).toEqual(["INVITED_USER"]);
  });

  it("matches the code, with underscores or spaces", () => {
    expect(codes("TWO_FACTOR_AUTH_ENABLED")).toEqual(["TWO_FACTOR_AUTH_ENABLED"]);
    expect(codes("two factor")).toEqual(["TWO_FACTOR_AUTH_ENABLED", "TWO_FACTOR_AUTH_DISABLED"]);
    expect(codes("webhook target")).toEqual(["MERGE_WEBHOOK_TARGET_CHANGED"]);
  });

  it("needs every word to match, in any order", () => {
    expect(codes("key test created")).toEqual(["CREATED_TEST_API_KEY"]);
    expect(codes("key nothing")).toEqual([]);
  });

  it("leaves out groups without a match", () => {
    expect(eventTypeOptionGroups("password").map((g) => g.group)).toEqual(["Users and security"]);
  });

  it("offers a valid code the app does not know, shown as its code", () => {
    const groups = eventTypeOptionGroups("SOME_NEW_EVENT_2027");
    expect(groups).toEqual([
      { group: UNKNOWN_CODE_GROUP, options: [{ code: "SOME_NEW_EVENT_2027", label: "SOME_NEW_EVENT_2027" }] },
    ]);
  });

  it("lists a typed code after the known types it partly matches", () => {
    expect(codes("INVITED")).toEqual(["INVITED_USER", "INVITED"]);
  });

  it("does not offer text that is not a valid code", () => {
    expect(codes("some new event")).toEqual([]);
    expect(codes("lower_case")).toEqual([]);
    expect(codes("A".repeat(101))).toEqual([]);
  });

  it("does not offer a known code twice", () => {
    expect(codes("INVITED_USER")).toEqual(["INVITED_USER"]);
  });
});
