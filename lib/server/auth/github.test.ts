import { describe, expect, it } from "vitest";

import { pickGithubEmail } from "@/lib/server/auth/github";

describe("pickGithubEmail", () => {
  it("takes the primary address and reports whether GitHub verified it", () => {
    const emails = [
      { email: "public@example.com", primary: false, verified: true, visibility: "public" },
      { email: "me@example.com", primary: true, verified: true, visibility: null },
    ];
    expect(pickGithubEmail(emails)).toEqual({ email: "me@example.com", email_verified: true });
    expect(pickGithubEmail([{ email: "me@example.com", primary: true, verified: false }])).toEqual({
      email: "me@example.com",
      email_verified: false,
    });
  });

  it("finds nothing in an unexpected answer", () => {
    expect(pickGithubEmail({ message: "Requires authentication" })).toBeUndefined();
    expect(pickGithubEmail([{ email: "x@example.com", primary: false, verified: true }])).toBeUndefined();
  });
});
