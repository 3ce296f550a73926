import { createHash } from "node:crypto";

import { describe, expect, it } from "vitest";

import type { AuditEvent, AuditTrailPage } from "@/lib/audit-event";
import type { ExportFormat } from "@/lib/export/formats";
import { parseExport } from "@/testing/parse-export";
import type { AuditTrailQuery } from "@/lib/filters";
import { openExportStream, type ExportSummary, type ListPage } from "@/lib/server/export/stream";
import { MergeApiError } from "@/lib/server/merge/errors";
import type { RetryClock } from "@/lib/server/merge/retry";

// The stream's own rules with a scripted upstream and clock; the checks against the simulator and
// the proxy's pages are in app/api/audit-trail/export/route.test.ts.

const makeEvent = (i: number): AuditEvent => ({
  id: `evt-${String(i).padStart(6, "0")}`,
  user_name: null,
  user_email: null,
  role: "SYSTEM",
  ip_address: "::1",
  event_type: "INVITED_USER",
  event_description: `event ${i}`,
  created_at: "2026-11-01T00:00:00Z",
});

/** `total` events served 100 a page with offset cursors; `fail(call)` may throw instead. */
function scriptedUpstream(total: number, fail: (call: number) => Error | undefined = () => undefined) {
  const queries: AuditTrailQuery[] = [];
  const listPage: ListPage = async (query, { signal }) => {
    signal?.throwIfAborted();
    queries.push(query);
    const error = fail(queries.length);
    if (error) throw error;
    const start = Number(query.cursor ?? 0);
    const size = query.page_size ?? 30;
    const page: AuditTrailPage = {
      results: Array.from({ length: Math.max(0, Math.min(size, total - start)) }, (_, i) => makeEvent(start + i)),
      next: start + size < total ? String(start + size) : null,
      previous: null,
    };
    return { page, retries: 0, upstreamMs: 1 };
  };
  return { listPage, queries };
}

function fakeClock() {
  const sleeps: number[] = [];
  const clock: RetryClock = {
    now: () => 0,
    random: () => 0.5,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  };
  return { clock, sleeps };
}

/** Reads to the end; `sink` sees the text received so far, also when the stream then errors. */
async function readAll(stream: ReadableStream<Uint8Array>, sink: { text: string } = { text: "" }): Promise<string> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return (sink.text += decoder.decode());
    sink.text += decoder.decode(value, { stream: true });
  }
}

function open(listPage: ListPage, overrides: { format?: ExportFormat; maxEvents?: number; clock?: RetryClock; signal?: AbortSignal } = {}) {
  const summaries: ExportSummary[] = [];
  const stream = openExportStream({
    filters: { event_type: { include: ["INVITED_USER"], exclude: [] } },
    format: overrides.format ?? "ndjson",
    maxEvents: overrides.maxEvents ?? 1_000_000,
    listPage,
    signal: overrides.signal,
    clock: overrides.clock ?? fakeClock().clock,
    onFinish: (summary) => void summaries.push(summary),
  });
  return { stream, summaries };
}

const ids = (format: ExportFormat, text: string) =>
  parseExport(format, text).map((record) => record[format === "csv" ? "Event ID" : "id"]);

describe("openExportStream", () => {
  it("walks every page at page_size 100 with the filters, and logs a complete export", async () => {
    const upstream = scriptedUpstream(250);
    const { stream, summaries } = open(upstream.listPage, { format: "csv" });
    const text = await readAll(await stream);
    expect(ids("csv", text)).toEqual(Array.from({ length: 250 }, (_, i) => makeEvent(i).id));
    expect(upstream.queries).toEqual([
      { event_type: { include: ["INVITED_USER"], exclude: [] }, page_size: 100, cursor: undefined },
      { event_type: { include: ["INVITED_USER"], exclude: [] }, page_size: 100, cursor: "100" },
      { event_type: { include: ["INVITED_USER"], exclude: [] }, page_size: 100, cursor: "200" },
    ]);
    expect(summaries).toMatchObject([{ outcome: "complete", events: 250, pages: 3 }]);
  });

  it.each(["csv", "json", "ndjson"] as const)("reports the SHA-256 of the exact bytes served and the newest and oldest event (%s)", async (format) => {
    const { stream, summaries } = open(scriptedUpstream(250).listPage, { format });
    // The bytes themselves: a decoder would drop the CSV's byte order mark.
    const bytes = new Uint8Array(await new Response(await stream).arrayBuffer());
    expect(summaries[0]).toMatchObject({
      outcome: "complete",
      sha256: createHash("sha256").update(bytes).digest("hex"),
      newestEventAt: makeEvent(0).created_at,
      oldestEventAt: makeEvent(249).created_at,
    });
  });

  it("ends the stream only once what the end records is written", async () => {
    let written = false;
    const stream = await openExportStream({
      filters: {},
      format: "ndjson",
      maxEvents: 1_000_000,
      listPage: scriptedUpstream(10).listPage,
      onFinish: async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        written = true;
      },
    });
    await readAll(stream);
    expect(written).toBe(true);
  });

  it.each(["csv", "json", "ndjson"] as const)("writes a valid, empty %s file for no events", async (format) => {
    const { stream } = open(scriptedUpstream(0).listPage, { format });
    expect(parseExport(format, await readAll(await stream))).toEqual([]);
  });

  it("fetches a page only when the one before has been read", async () => {
    const upstream = scriptedUpstream(1000);
    const { stream } = open(upstream.listPage);
    const reader = (await stream).getReader();
    await reader.read();
    await new Promise((resolve) => setTimeout(resolve, 20));
    // The first page was read; the second waits in the queue; nothing further was asked for.
    expect(upstream.queries.length).toBe(2);
    await reader.cancel();
  });

  it("waits out rate limits as Retry-After says and continues from the same cursor", async () => {
    const rateLimited = new MergeApiError("rate_limited", "429", { retryAfterSeconds: 30 });
    const upstream = scriptedUpstream(300, (call) => (call === 2 || call === 3 ? rateLimited : undefined));
    const { clock, sleeps } = fakeClock();
    const { stream, summaries } = open(upstream.listPage, { clock });
    expect(ids("ndjson", await readAll(await stream))).toEqual(Array.from({ length: 300 }, (_, i) => makeEvent(i).id));
    expect(sleeps).toEqual([30_000, 30_000]);
    expect(upstream.queries.map((query) => query.cursor)).toEqual([undefined, "100", "100", "100", "200"]);
    expect(summaries).toMatchObject([{ outcome: "complete", events: 300, rateLimitWaits: 2 }]);
  });

  it("waits out a hold by the failure guard (someone else's failures) and continues from the same cursor", async () => {
    const held = new MergeApiError("held_back", "held", { retryAfterSeconds: 7, heldBack: "server" });
    const upstream = scriptedUpstream(300, (call) => (call === 3 ? held : undefined));
    const { clock, sleeps } = fakeClock();
    const { stream, summaries } = open(upstream.listPage, { clock });
    expect(ids("ndjson", await readAll(await stream))).toEqual(Array.from({ length: 300 }, (_, i) => makeEvent(i).id));
    expect(sleeps).toEqual([7_000]);
    expect(upstream.queries.map((query) => query.cursor)).toEqual([undefined, "100", "200", "200"]);
    expect(summaries).toMatchObject([{ outcome: "complete", events: 300 }]);
  });

  it("does not wait on a rate-limited first page: the route answers at once with the wait", async () => {
    const rateLimited = new MergeApiError("rate_limited", "429", { retryAfterSeconds: 30 });
    const { clock, sleeps } = fakeClock();
    const { stream, summaries } = open(scriptedUpstream(300, () => rateLimited).listPage, { clock });
    await expect(stream).rejects.toBe(rateLimited);
    expect(sleeps).toEqual([]);
    expect(summaries).toMatchObject([{ outcome: "failed", reason: "rate_limited", events: 0 }]);
  });

  it("gives up on a rate limit that outlasts its bound, by erroring the stream", async () => {
    const rateLimited = new MergeApiError("rate_limited", "429", { retryAfterSeconds: 60 });
    const upstream = scriptedUpstream(300, (call) => (call >= 2 ? rateLimited : undefined));
    const { clock, sleeps } = fakeClock();
    const { stream, summaries } = open(upstream.listPage, { clock });
    await expect(readAll(await stream)).rejects.toBe(rateLimited);
    expect(sleeps).toEqual([60_000, 60_000, 60_000, 60_000, 60_000]);
    expect(summaries).toMatchObject([{ outcome: "failed", reason: "rate_limited", events: 100 }]);
  });

  it("errors the stream, never ends it cleanly, when a later page fails", async () => {
    const down = new MergeApiError("upstream_unavailable", "500", { retries: 2, upstreamMs: 1500 });
    const upstream = scriptedUpstream(1000, (call) => (call >= 3 ? down : undefined));
    const { stream, summaries } = open(upstream.listPage, { format: "json" });
    await expect(readAll(await stream)).rejects.toBe(down);
    expect(summaries).toMatchObject([
      { outcome: "failed", reason: "upstream_unavailable", events: 200, upstreamRetries: 2, upstreamMs: 1502 },
    ]);
  });

  it("rejects before streaming when the first page fails, so the route can answer with an error", async () => {
    const auth = new MergeApiError("upstream_auth", "401");
    const { stream, summaries } = open(scriptedUpstream(10, () => auth).listPage);
    await expect(stream).rejects.toBe(auth);
    expect(summaries).toMatchObject([{ outcome: "failed", reason: "upstream_auth", events: 0 }]);
  });

  it("writes exactly maxEvents events, then errors with a clear message", async () => {
    const { stream, summaries } = open(scriptedUpstream(1000).listPage, { maxEvents: 250 });
    const received = { text: "" };
    await expect(readAll(await stream, received)).rejects.toThrow("This export has more than 250 events: narrow the filters");
    expect(ids("ndjson", received.text)).toHaveLength(250);
    expect(summaries).toMatchObject([{ outcome: "too_large", events: 250 }]);
  });

  it("allows an export of exactly maxEvents", async () => {
    const { stream, summaries } = open(scriptedUpstream(200).listPage, { maxEvents: 200 });
    expect(ids("ndjson", await readAll(await stream))).toHaveLength(200);
    expect(summaries).toMatchObject([{ outcome: "complete", events: 200 }]);
  });

  it("stops reading upstream when the client cancels", async () => {
    const upstream = scriptedUpstream(100_000);
    const { stream, summaries } = open(upstream.listPage);
    const reader = (await stream).getReader();
    await reader.read();
    await reader.read();
    await reader.cancel();
    const asked = upstream.queries.length;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(upstream.queries.length).toBe(asked);
    expect(asked).toBeLessThanOrEqual(3);
    expect(summaries).toMatchObject([{ outcome: "cancelled" }]);
  });

  it("stops reading upstream when the request's signal aborts during a fetch", async () => {
    const client = new AbortController();
    let release: () => void = () => undefined;
    const upstream = scriptedUpstream(100_000);
    const listPage: ListPage = (query, options) =>
      query.cursor === "200"
        ? new Promise((_, reject) => {
            options.signal?.addEventListener("abort", () => reject(options.signal?.reason));
            release = () => client.abort(new Error("client went away"));
          })
        : upstream.listPage(query, options);
    const { stream, summaries } = open(listPage, { signal: client.signal });
    const reader = (await stream).getReader();
    await reader.read();
    const pending = reader.read().then(() => reader.read());
    await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    await expect(pending).rejects.toThrow("client went away");
    expect(upstream.queries.length).toBe(2);
    expect(summaries).toMatchObject([{ outcome: "cancelled" }]);
  });
});
