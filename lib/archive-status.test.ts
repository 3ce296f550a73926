import { afterEach, describe, expect, it, vi } from "vitest";

import {
  ARCHIVE_POLL_MS,
  ARCHIVE_STATUS_ENDPOINT,
  BACKFILL_POLL_MS,
  archiveStatusPollInterval,
  fetchArchiveStatus,
  type ArchiveStatus,
} from "@/lib/archive-status";

const status: ArchiveStatus = {
  mode: "server",
  events: 4000,
  oldest_event_at: "2026-08-30T00:00:00.000001Z",
  newest_event_at: "2026-11-28T11:59:59.999999Z",
  last_sync_at: "2026-11-28T12:00:00Z",
  lag_seconds: 3,
  backfill: { complete: true, events: 4000 },
  syncing_instance: "host-a:1234",
  last_error: null,
};

const jsonResponse = (code: number, body: unknown) =>
  new Response(JSON.stringify(body), { status: code, headers: { "content-type": "application/json" } });

function stubFetch(response: () => Response) {
  const fetchMock = vi.fn<(url: string) => Promise<Response>>(async () => response());
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

afterEach(() => vi.unstubAllGlobals());

describe("fetchArchiveStatus", () => {
  it("reads the status route's answer", async () => {
    const fetchMock = stubFetch(() => jsonResponse(200, status));
    await expect(fetchArchiveStatus()).resolves.toEqual(status);
    expect(fetchMock.mock.calls[0]?.[0]).toBe(ARCHIVE_STATUS_ENDPOINT);
  });

  it("answers null, nothing to show, for a server without the archive and for a lost session", async () => {
    stubFetch(() => jsonResponse(404, { error: "not found" }));
    await expect(fetchArchiveStatus()).resolves.toBeNull();
    stubFetch(() => jsonResponse(401, { error: { code: "unauthenticated", message: "Your session expired: sign in again" } }));
    await expect(fetchArchiveStatus()).resolves.toBeNull();
    stubFetch(() => {
      const signIn = new Response("<html>Sign in</html>", { status: 200, headers: { "content-type": "text/html" } });
      Object.defineProperty(signIn, "redirected", { value: true });
      return signIn;
    });
    await expect(fetchArchiveStatus()).resolves.toBeNull();
  });

  it("fails on other errors and on a shape it cannot trust", async () => {
    stubFetch(() => jsonResponse(503, { error: { code: "archive_unavailable", message: "The archive is unavailable" } }));
    await expect(fetchArchiveStatus()).rejects.toThrow("503");
    stubFetch(() => jsonResponse(200, { ...status, mode: "sometimes" }));
    await expect(fetchArchiveStatus()).rejects.toThrow("shape");
    stubFetch(() => jsonResponse(200, { ...status, newest_event_at: "yesterday" }));
    await expect(fetchArchiveStatus()).rejects.toThrow("shape");
  });
});

describe("archiveStatusPollInterval", () => {
  it("polls every few seconds while the backfill runs, less often afterwards", () => {
    expect(archiveStatusPollInterval({ ...status, backfill: { complete: false, events: 300 } })).toBe(BACKFILL_POLL_MS);
    expect(archiveStatusPollInterval(status)).toBe(ARCHIVE_POLL_MS);
    expect(BACKFILL_POLL_MS).toBeLessThan(ARCHIVE_POLL_MS);
  });

  it("stops without an archive, and keeps trying after a failed first answer", () => {
    expect(archiveStatusPollInterval(null)).toBe(false);
    expect(archiveStatusPollInterval({ ...status, mode: "off" })).toBe(false);
    expect(archiveStatusPollInterval(undefined)).toBe(ARCHIVE_POLL_MS);
  });
});
