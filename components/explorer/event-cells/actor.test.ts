import { describe, expect, it } from "vitest";

import { actorName } from "@/components/explorer/event-cells/actor";

describe("actorName", () => {
  it("prefers the name, then the email", () => {
    expect(actorName({ user_name: "Ada", user_email: "ada@acme.com", role: "ADMIN" })).toBe("Ada");
    expect(actorName({ user_name: null, user_email: "ada@acme.com", role: "ADMIN" })).toBe("ada@acme.com");
  });

  it("names API-key actors API and every other nameless actor System", () => {
    expect(actorName({ user_name: null, user_email: null, role: "API" })).toBe("API");
    expect(actorName({ user_name: null, user_email: null, role: "SYSTEM" })).toBe("System");
    expect(actorName({ user_name: null, user_email: null, role: "SOMETHING_NEW" })).toBe("System");
  });
});
