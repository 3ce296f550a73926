import type { NextRequest } from "next/server";
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";

import type { AuditEvent } from "@/lib/audit-event";
import { toUtcIso } from "@/lib/export/csv";
import { EXPORT_FORMATS, type ExportFormat } from "@/lib/export/formats";
import { EVENT_TYPES, eventTypeLabel, ROLES } from "@/lib/event-types";
import { toSearchParams, type AuditTrailFilters } from "@/lib/filters";
import { createSimulator, type Simulator, type SimulatorOptions } from "@/lib/simulator";
import { resetProcessFailureGuard } from "@/testing/failure-guard";
import { parseExport, unguardCell, type ExportedRecord } from "@/testing/parse-export";
import {
  ALLOWED_EMAIL,
  apiRequest,
  CURSOR_SECRET,
  signedIn,
  signedOut,
  SIMULATOR_NOW,
  simulatorSource,
  walkRoute,
  type RouteHandler,
} from "@/testing/routes";
import { expectedEvents } from "@/testing/simulator-oracle";

import { createAuditTrailRoute } from "../create-route";
import { recordingRecords, unreachableRecords } from "@/testing/records";

import { createExportRoute } from "./create-route";

// The export against an in-process simulator, compared with what the explorer's own API returns
// page by page for the same filters. Both routes are built on one source, so they read one simulator.

type App = { exportGET: RouteHandler; anonymousExportGET: RouteHandler; proxyGET: RouteHandler; simulator: Simulator };

function loadApp(simulatorOptions: SimulatorOptions = {}, exportMaxEvents = 1_000_000): App {
  // A fresh app, as a fresh process: its own simulator and a failure guard that has seen nothing.
  resetProcessFailureGuard();
  const simulator = createSimulator({ now: SIMULATOR_NOW, ...simulatorOptions });
  const source = simulatorSource(simulator);
  const config = { exportMaxEvents };
  return {
    // The records' database is down here: the export must not notice (manifests are tested apart).
    exportGET: createExportRoute({ source, getSession: signedIn, config, records: unreachableRecords }),
    anonymousExportGET: createExportRoute({ source, getSession: signedOut, config, records: unreachableRecords }),
    proxyGET: createAuditTrailRoute({ source, getSession: signedIn, cursorSecret: CURSOR_SECRET, records: recordingRecords() }),
    simulator,
  };
}

function exportRequest(search: string, signal?: AbortSignal): NextRequest {
  return apiRequest(search, { path: "/api/audit-trail/export", signal });
}

async function exportText(app: App, search: string): Promise<{ response: Response; text: string }> {
  const response = await app.exportGET(exportRequest(search));
  expect(response.status).toBe(200);
  return { response, text: await response.text() };
}

/** What a CSV row must hold for an event, in the header's order (the guard undone). */
const csvProjection = (event: AuditEvent): ExportedRecord => ({
  Timestamp: toUtcIso(event.created_at),
  "User Name": event.user_name ?? "",
  "User Email": event.user_email ?? "",
  Role: event.role,
  "IP Address": event.ip_address,
  "Event Type": event.event_type,
  "Event Description": event.event_description,
  "Event ID": event.id,
  Event: eventTypeLabel(event.event_type),
});

const unguarded = (record: ExportedRecord): ExportedRecord =>
  Object.fromEntries(Object.entries(record).map(([key, value]) => [key, unguardCell(String(value))]));

/** The text received before the body ended or failed, and how it ended. */
async function readUntilEnd(body: ReadableStream<Uint8Array>): Promise<{ text: string; error?: unknown }> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { text: text + decoder.decode() };
      text += decoder.decode(value, { stream: true });
    }
  } catch (error) {
    return { text, error };
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

// Log lines are JSON on stdout (info) and stderr (warn, error); captured, so the test output stays readable.
let out: MockInstance<typeof console.log>;
let err: MockInstance<typeof console.error>;

beforeEach(() => {
  out = vi.spyOn(console, "log").mockImplementation(() => undefined);
  err = vi.spyOn(console, "error").mockImplementation(() => undefined);
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** The export log lines written so far, from both streams. */
function exportLogLines(): Record<string, unknown>[] {
  return [out, err]
    .flatMap((spy) => spy.mock.calls.map(([line]) => String(line)))
    .filter((line) => line.startsWith("{"))
    .map((line): Record<string, unknown> => JSON.parse(line))
    .filter((line) => line.msg === "export");
}

describe("GET /api/audit-trail/export against the proxy's pages", () => {
  it("exports, in every format, exactly the events the proxy pages through, for several filters", async () => {
    const app = loadApp();
    const all = expectedEvents(app.simulator);

    // Filters chosen from the data so each case holds what it is meant to test.
    const unknownType = all.find((event) => !(event.event_type in EVENT_TYPES))!.event_type;
    const countByTime = new Map<string, number>();
    for (const event of all) countByTime.set(event.created_at, (countByTime.get(event.created_at) ?? 0) + 1);
    const [burstTime] = [...countByTime].sort((a, b) => b[1] - a[1])[0]!;
    const burstMs = Date.parse(burstTime);
    const cases: AuditTrailFilters[] = [
      {},
      { event_type: { include: [unknownType], exclude: [] } },
      { user_email: { include: [all.find((event) => event.user_email)!.user_email!], exclude: [] } },
      {
        start_date: new Date(burstMs - 6 * 3_600_000).toISOString(),
        end_date: new Date(burstMs + 6 * 3_600_000).toISOString(),
      },
    ];

    for (const filters of cases) {
      const search = toSearchParams(filters).toString();
      const pages = await walkRoute(app.proxyGET, search);
      const events = pages.flatMap((page) => page.results);
      expect(events.length).toBeGreaterThan(0);
      for (const format of EXPORT_FORMATS) {
        const { text } = await exportText(app, `${search}&format=${format}`);
        const records = parseExport(format, text);
        if (format === "csv") expect(records.map(unguarded)).toEqual(events.map(csvProjection));
        else expect(records).toEqual(events);
      }
    }
    // The cases held what they were meant to: identical timestamps and values outside today's enums.
    const burst = all.filter((event) => event.created_at === burstTime);
    expect(burst.length).toBeGreaterThan(1);
    expect(all.some((event) => !(ROLES as readonly string[]).includes(event.role))).toBe(true);
  });

  it("answers with an attachment named after the filters, not cached, typed per format", async () => {
    const app = loadApp();
    const expected: Record<ExportFormat, string> = {
      csv: "text/csv; charset=utf-8",
      json: "application/json; charset=utf-8",
      ndjson: "application/x-ndjson; charset=utf-8",
    };
    for (const format of EXPORT_FORMATS) {
      const search = `user_email=olivia.bennett%40northwindhr.com&start_date=2026-11-01T00:00:00Z&end_date=2026-11-28T00:00:00Z&format=${format}`;
      const { response } = await exportText(app, search);
      const name = `audit-trail_user-olivia.bennett@northwindhr.com_2026-11-01_2026-11-28.${format}`;
      expect(response.headers.get("Content-Type")).toBe(expected[format]);
      expect(response.headers.get("Content-Disposition")).toBe(
        `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      );
      expect(response.headers.get("Cache-Control")).toBe("private, no-store");
      expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
      expect(response.headers.get("Content-Length")).toBeNull();
    }
  });

  it("writes one log line per export: who, filters, format, count, duration, outcome", async () => {
    const app = loadApp();
    const { text } = await exportText(app, "event_type=INVITED_USER&format=ndjson");
    expect(exportLogLines()).toEqual([
      expect.objectContaining({
        level: "info",
        user: ALLOWED_EMAIL,
        filters: { event_type: { include: ["INVITED_USER"], exclude: [] } },
        format: "ndjson",
        events: parseExport("ndjson", text).length,
        outcome: "complete",
        durationMs: expect.any(Number),
      }),
    ]);
  });
});

describe("GET /api/audit-trail/export refuses bad requests before reaching Merge", () => {
  it.each([
    ["format=xlsx", "format"],
    ["format=csv&format=json", "format"],
    ["user_email=not-an-email", "user_email"],
    ["page_size=100", "page_size"],
    ["cursor=abc", "cursor"],
    ["range=7d&start_date=2026-11-01T00:00:00Z", "range"],
    ["range=today&tz=Nowhere", "tz"],
  ])("%s is a 400 naming %s", async (search, field) => {
    const app = loadApp();
    const before = app.simulator.requestCount();
    const response = await app.exportGET(exportRequest(search));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "invalid_filter", field } });
    expect(app.simulator.requestCount()).toBe(before);
  });

  it("says which filter needs the archive when there is none, before reaching Merge", async () => {
    const app = loadApp();
    const before = app.simulator.requestCount();
    const response = await app.exportGET(exportRequest("format=csv&event_type=INVITED_USER&ip=203.0.113.0%2F24"));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "needs_archive", field: "ip" } });
    expect(app.simulator.requestCount()).toBe(before);
  });

  it("takes CSV when no format is given", async () => {
    const app = loadApp();
    const { response } = await exportText(app, "event_type=INVITED_USER");
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
  });

  it("is 401 without a session", async () => {
    const app = loadApp();
    const response = await app.anonymousExportGET(exportRequest("format=csv"));
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: "unauthenticated" } });
  });
});

describe("GET /api/audit-trail/export under upstream faults", () => {
  it("still gives the complete file when Merge rate-limits requests in the middle", async () => {
    // Requests 3 to 6 are throttled: more than the client's own retries, so the export waits too.
    const app = loadApp({ faults: "429:1@3-6" });
    const { text } = await exportText(app, "format=ndjson");
    const ids = parseExport("ndjson", text).map((record) => record.id);
    expect(ids).toEqual(expectedEvents(app.simulator).map((event) => event.id));
    expect(app.simulator.requestCount()).toBe(40 + 4); // 40 pages, and the 4 throttled requests
    expect(exportLogLines()).toEqual([expect.objectContaining({ outcome: "complete", events: ids.length })]);
  });

  it("fails the download, never ends it short, when Merge keeps failing in the middle", async () => {
    const app = loadApp({ faults: "500@after:3" });
    const response = await app.exportGET(exportRequest("format=json"));
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
    expect(exportLogLines()).toEqual([
      expect.objectContaining({ level: "error", outcome: "failed", reason: "upstream_unavailable", events: 300 }),
    ]);
  });

  it("answers with the API's error when Merge fails from the first page", async () => {
    const app = loadApp({ faults: "503" });
    const response = await app.exportGET(exportRequest("format=csv"));
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ error: { code: "upstream_unavailable" } });
  });

  it("stops an export past EXPORT_MAX_EVENTS with an error after exactly that many events", async () => {
    const app = loadApp({}, 250);
    const response = await app.exportGET(exportRequest("format=ndjson"));
    expect(response.headers.get("X-Export-Max-Events")).toBe("250");
    const { text, error } = await readUntilEnd(response.body!);
    expect(error).toMatchObject({ message: "This export has more than 250 events: narrow the filters" });
    expect(parseExport("ndjson", text)).toHaveLength(250);
    expect(exportLogLines()).toEqual([expect.objectContaining({ outcome: "too_large", events: 250 })]);
  });
});

describe("GET /api/audit-trail/export when the client goes away", () => {
  it("stops reading upstream when the body is cancelled", async () => {
    const app = loadApp({ seed: "cancel-body" });
    const response = await app.exportGET(exportRequest("format=csv"));
    const reader = response.body!.getReader();
    await reader.read();
    await reader.read();
    await reader.cancel();
    await settle();
    const asked = app.simulator.requestCount();
    await settle();
    expect(app.simulator.requestCount()).toBe(asked);
    expect(asked).toBeLessThanOrEqual(4); // of the 40 pages
  });

  it("stops reading upstream when the request is aborted", async () => {
    const app = loadApp({ seed: "cancel-request", latencyMs: 20 });
    const client = new AbortController();
    const response = await app.exportGET(exportRequest("format=csv", client.signal));
    const reader = response.body!.getReader();
    await reader.read();
    const pending = reader.read().then(() => reader.read());
    client.abort(new Error("tab closed"));
    await expect(pending).rejects.toThrow();
    await settle();
    const asked = app.simulator.requestCount();
    await settle();
    expect(app.simulator.requestCount()).toBe(asked);
    expect(asked).toBeLessThanOrEqual(4);
    expect(exportLogLines()).toEqual([expect.objectContaining({ outcome: "cancelled" })]);
  });
});
