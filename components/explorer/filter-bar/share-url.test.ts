import { describe, expect, it } from "vitest";

import { readExplorerUrl } from "@/lib/explorer-url";
import type { AuditTrailFilters } from "@/lib/filters";

import { sharedViewUrl, type SharedView } from "./share-url";

const NOW = new Date("2026-11-28T12:00:00.000Z");
const PAGE = "http://127.0.0.1:3100/?user_email=jane%40acme.com&start_date=2026-11-21T12%3A00%3A00.000Z";

/** A view without a relative range: the table's filters are the URL's. */
const view = (filters: AuditTrailFilters, openEvent: string | null = null): SharedView => ({
  filters,
  window: filters,
  openEvent,
  timeZone: "UTC",
});

describe("sharedViewUrl", () => {
  it("is absolute, on the page's own origin and path", () => {
    const url = new URL(sharedViewUrl(view({}), PAGE, NOW));
    expect(url.origin).toBe("http://127.0.0.1:3100");
    expect(url.pathname).toBe("/");
  });

  it("freezes an open-ended range at the moment of copying", () => {
    const filters = { user_email: { include: ["jane@acme.com"], exclude: [] }, start_date: "2026-11-21T12:00:00.000Z" };
    const url = sharedViewUrl(view(filters), PAGE, NOW);
    expect(readExplorerUrl(new URL(url).searchParams).filters).toEqual({ ...filters, end_date: "2026-11-28T12:00:00.000Z" });
  });

  it("freezes all time too: events after the copy stay out", () => {
    const url = new URL(sharedViewUrl(view({ event_type: { include: ["INVITED_USER"], exclude: [] } }), PAGE, NOW));
    expect(url.searchParams.get("end_date")).toBe("2026-11-28T12:00:00.000Z");
    expect(url.searchParams.has("start_date")).toBe(false);
  });

  it("keeps a closed range, the page size and the open event", () => {
    const filters = { start_date: "2026-11-01T00:00:00.000Z", end_date: "2026-11-02T00:00:00.000Z", page_size: 100 };
    const url = new URL(sharedViewUrl(view(filters, "evt-42"), PAGE, NOW));
    expect(readExplorerUrl(url.searchParams).filters).toEqual(filters);
    expect(url.searchParams.get("event")).toBe("evt-42");
  });

  it("names the sender's display zone, so a teammate sees the same times", () => {
    const url = new URL(sharedViewUrl({ ...view({}), timeZone: "Europe/Berlin" }, PAGE, NOW));
    expect(readExplorerUrl(url.searchParams).timeZone).toBe("Europe/Berlin");
  });

  it("drops anything in the current URL that is not part of the view", () => {
    const url = new URL(sharedViewUrl(view({}), `${PAGE}&utm_source=mail#row-3`, NOW));
    expect([...url.searchParams.keys()]).toEqual(["end_date", "tz"]);
    expect(url.hash).toBe("");
  });

  describe("a relative range", () => {
    const live: SharedView = {
      filters: { range: "1h" },
      window: { start_date: "2026-11-28T10:50:00.000Z" },
      openEvent: null,
      timeZone: "America/New_York",
    };

    it("is frozen by default into the dates the table covers, closed at the moment of copying", () => {
      const url = new URL(sharedViewUrl(live, PAGE, NOW));
      expect(readExplorerUrl(url.searchParams).filters).toEqual({
        start_date: "2026-11-28T10:50:00.000Z",
        end_date: "2026-11-28T12:00:00.000Z",
      });
    });

    it("stays relative in a live link", () => {
      const url = new URL(sharedViewUrl(live, PAGE, NOW, { live: true }));
      expect(Object.fromEntries(url.searchParams)).toEqual({ range: "1h", tz: "America/New_York" });
    });
  });
});
