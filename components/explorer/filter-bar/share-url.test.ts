import { describe, expect, it } from "vitest";

import { readExplorerUrl } from "@/lib/explorer-url";

import { sharedViewUrl } from "./share-url";

const NOW = new Date("2026-11-28T12:00:00.000Z");
const PAGE = "http://127.0.0.1:3100/?user_email=jane%40acme.com&start_date=2026-11-21T12%3A00%3A00.000Z";

describe("sharedViewUrl", () => {
  it("is absolute, on the page's own origin and path", () => {
    const url = new URL(sharedViewUrl({}, null, PAGE, NOW));
    expect(url.origin).toBe("http://127.0.0.1:3100");
    expect(url.pathname).toBe("/");
  });

  it("freezes an open-ended range at the moment of copying", () => {
    const url = sharedViewUrl(
      { user_email: { include: ["jane@acme.com"], exclude: [] }, start_date: "2026-11-21T12:00:00.000Z" },
      null,
      PAGE,
      NOW,
    );
    expect(readExplorerUrl(new URL(url).searchParams).filters).toEqual({
      user_email: { include: ["jane@acme.com"], exclude: [] },
      start_date: "2026-11-21T12:00:00.000Z",
      end_date: "2026-11-28T12:00:00.000Z",
    });
  });

  it("freezes all time too: events after the copy stay out", () => {
    const url = new URL(sharedViewUrl({ event_type: { include: ["INVITED_USER"], exclude: [] } }, null, PAGE, NOW));
    expect(url.searchParams.get("end_date")).toBe("2026-11-28T12:00:00.000Z");
    expect(url.searchParams.has("start_date")).toBe(false);
  });

  it("keeps a closed range, the page size and the open event", () => {
    const filters = { start_date: "2026-11-01T00:00:00.000Z", end_date: "2026-11-02T00:00:00.000Z", page_size: 100 };
    const url = new URL(sharedViewUrl(filters, "evt-42", PAGE, NOW));
    expect(readExplorerUrl(url.searchParams).filters).toEqual(filters);
    expect(url.searchParams.get("event")).toBe("evt-42");
  });

  it("drops anything in the current URL that is not part of the view", () => {
    const url = new URL(sharedViewUrl({}, null, `${PAGE}&utm_source=mail#row-3`, NOW));
    expect([...url.searchParams.keys()]).toEqual(["end_date"]);
    expect(url.hash).toBe("");
  });
});
