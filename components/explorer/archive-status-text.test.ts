import { describe, expect, it } from "vitest";

import { describeArchiveStatus, formatAgo, syncFailureReason } from "@/components/explorer/archive-status-text";
import { API_ERRORS } from "@/lib/api-errors";

// What the sync records when Merge rate-limits it: the API's own words for rate_limited.
const RATE_LIMITED = "Merge is rate-limiting requests; retry in 2 s";
import type { ArchiveStatus } from "@/lib/archive-status";

const NOW = Date.parse("2026-11-28T12:00:00Z");

const synced: ArchiveStatus = {
  mode: "embedded",
  events: 12_403,
  oldest_event_at: "2026-08-30T01:12:03.123456Z",
  newest_event_at: "2026-11-28T11:59:40.000001Z",
  last_sync_at: "2026-11-28T11:59:46.000000Z",
  lag_seconds: 14,
  backfill: { complete: true, events: 12_000 },
  syncing_instance: "app-1:4242",
  last_error: null,
};

describe("describeArchiveStatus", () => {
  it("says how many events the archive holds, since when, and how fresh it is", () => {
    expect(describeArchiveStatus(synced, NOW, "UTC")).toEqual({
      text: "Archive: 12,403 events since 2026-08-30 · synced 14 s ago",
      backfillProgress: null,
      announcement: "Archive in sync",
      failing: false,
    });
  });

  it("writes the first day in the explorer's time zone", () => {
    // 01:12 UTC on the 30th is still the 29th in Los Angeles.
    expect(describeArchiveStatus(synced, NOW, "America/Los_Angeles").text).toBe(
      "Archive: 12,403 events since 2026-08-29 · synced 14 s ago",
    );
  });

  it("keeps the sync's age moving with the clock", () => {
    expect(describeArchiveStatus(synced, NOW + 60_000, "UTC").text).toBe("Archive: 12,403 events since 2026-08-30 · synced 1 min ago");
  });

  it("speaks of one event, of an empty archive, and of one never synced", () => {
    expect(describeArchiveStatus({ ...synced, events: 1 }, NOW, "UTC").text).toBe(
      "Archive: 1 event since 2026-08-30 · synced 14 s ago",
    );
    expect(describeArchiveStatus({ ...synced, events: 0, oldest_event_at: null, newest_event_at: null }, NOW, "UTC").text).toBe(
      "Archive: no events yet · synced 14 s ago",
    );
    expect(describeArchiveStatus({ ...synced, last_sync_at: null }, NOW, "UTC").text).toBe(
      "Archive: 12,403 events since 2026-08-30 · not synced yet",
    );
  });

  it("shows the backfill's progress as a count, with no percentage", () => {
    const status = { ...synced, events: 3_200, backfill: { complete: false, events: 3_200 } };
    expect(describeArchiveStatus(status, NOW, "UTC")).toEqual({
      text: "Archive: backfilling… 3,200 events so far",
      backfillProgress: "3,200 events so far",
      announcement: "Archive backfill in progress",
      failing: false,
    });
  });

  it("says that sync is failing, why, and what the explorer still shows", () => {
    const status = { ...synced, last_sync_at: "2026-11-28T11:46:00Z", last_error: RATE_LIMITED };
    expect(describeArchiveStatus(status, NOW, "UTC")).toEqual({
      text: "Archive sync is failing: Merge is rate-limiting requests; retry in 2 s · showing the 12,403 events archived up to 14 min ago",
      backfillProgress: null,
      announcement: "Archive sync is failing: Merge is rate-limiting requests; retry in 2 s",
      failing: true,
    });
  });

  it("says what a failing backfill or a never-synced archive still shows", () => {
    const backfill = { ...synced, events: 3_200, backfill: { complete: false, events: 3_200 }, last_error: API_ERRORS.upstream_timeout.message };
    expect(describeArchiveStatus(backfill, NOW, "UTC").text).toBe(
      `Archive sync is failing: ${API_ERRORS.upstream_timeout.message} · showing the 3,200 events backfilled so far`,
    );
    const empty = { ...backfill, events: 0, backfill: { complete: false, events: 0 }, last_sync_at: null };
    expect(describeArchiveStatus(empty, NOW, "UTC").text).toBe(
      `Archive sync is failing: ${API_ERRORS.upstream_timeout.message} · nothing is archived yet`,
    );
    const neverSynced = { ...synced, last_sync_at: null, last_error: API_ERRORS.upstream_unavailable.message };
    expect(describeArchiveStatus(neverSynced, NOW, "UTC").text).toBe(
      `Archive sync is failing: ${API_ERRORS.upstream_unavailable.message} · showing the 12,403 events archived so far`,
    );
  });

  it("takes a blank last_error for no error", () => {
    expect(describeArchiveStatus({ ...synced, last_error: "  " }, NOW, "UTC").failing).toBe(false);
  });
});

describe("syncFailureReason", () => {
  it("shows the server's words as they are, on one line and not endlessly long", () => {
    expect(syncFailureReason("Merge sent a page without results\n(page 12)")).toBe("Merge sent a page without results (page 12)");
    expect(syncFailureReason("unknown_code")).toBe("unknown_code");
    const long = syncFailureReason("x".repeat(500));
    expect(long).toHaveLength(200);
    expect(long.endsWith("…")).toBe(true);
  });
});

describe("formatAgo", () => {
  it("uses the largest whole unit", () => {
    expect(formatAgo(0)).toBe("just now");
    expect(formatAgo(4.9)).toBe("just now");
    expect(formatAgo(5)).toBe("5 s ago");
    expect(formatAgo(59)).toBe("59 s ago");
    expect(formatAgo(60)).toBe("1 min ago");
    expect(formatAgo(3599)).toBe("59 min ago");
    expect(formatAgo(3600)).toBe("1 h ago");
    expect(formatAgo(86_399)).toBe("23 h ago");
    expect(formatAgo(86_400)).toBe("1 day ago");
    expect(formatAgo(3 * 86_400)).toBe("3 days ago");
  });

  it("reads a server clock slightly ahead of the browser's as just now", () => {
    expect(formatAgo(-3)).toBe("just now");
  });
});
