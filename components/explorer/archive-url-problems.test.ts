import { describe, expect, it } from "vitest";

import { needsArchiveMessage } from "@/lib/api-errors";
import { readExplorerUrl } from "@/lib/explorer-url";

import { withArchiveProblems } from "./archive-url-problems";

const read = (search: string) => readExplorerUrl(new URLSearchParams(search));

describe("withArchiveProblems", () => {
  it("names each filter only the archive can apply, and shows no result set, when the archive is off", () => {
    const url = withArchiveProblems(read("event_group=api_keys&user_email=a@b.co&ip=198.51.100.23"), "off");
    expect(url.filters).toBeNull();
    expect(url.problems).toEqual([
      { field: "event_group", message: needsArchiveMessage("event_group"), blocking: true },
      { field: "ip", message: needsArchiveMessage("ip"), blocking: true },
    ]);
  });

  it("leaves what Merge answers itself alone: one email, one type, a range", () => {
    const url = read("user_email=a@b.co&event_type=INVITED_USER&start_date=2026-11-01T00:00:00Z");
    expect(withArchiveProblems(url, "off")).toEqual(url);
  });

  it("changes nothing with the archive on, or before the server has said", () => {
    const url = read("event_type=INVITED_USER&event_type=MUTED_ISSUE");
    expect(withArchiveProblems(url, "on")).toBe(url);
    expect(withArchiveProblems(url, "unknown")).toBe(url);
  });
});
