import "server-only";

import { createHash } from "node:crypto";

import { DEFAULT_RATE_LIMIT_WAIT_SECONDS } from "@/lib/api-errors";
import type { AuditTrailPage } from "@/lib/audit-event";
import { ENCODERS, encodePage, type ExportFormat } from "@/lib/export/formats";
import { MAX_PAGE_SIZE, type AuditTrailFilters, type AuditTrailQuery } from "@/lib/filters";
import { walkPages } from "@/lib/paging";
import { MergeApiError } from "@/lib/server/merge/errors";
import { systemClock, type RetryClock } from "@/lib/server/merge/retry";

// The export as a pull-based stream: a page is fetched only when the client has read everything
// before the page ahead of it (one page of lookahead), so memory stays at about two pages whatever
// the size, and a client that goes away stops the walk. A failure errors the stream, which cuts the
// connection: the browser then reports a failed download instead of saving a short file.

export type ListPage = (
  query: AuditTrailQuery,
  options: { signal?: AbortSignal },
) => Promise<{ page: AuditTrailPage; retries: number; upstreamMs: number }>;

export type ExportStreamOutcome = "complete" | "failed" | "cancelled" | "too_large";

export type ExportSummary = {
  outcome: ExportStreamOutcome;
  /** Why it failed: the Merge error code, or the error's message. */
  reason?: string;
  events: number;
  pages: number;
  durationMs: number;
  upstreamMs: number;
  /** Repeats inside the Merge client, summed over pages. */
  upstreamRetries: number;
  /** Extra waits on rate limits beyond the client's own retries. */
  rateLimitWaits: number;
  /** SHA-256 (hex) of every byte served, for the export's manifest. */
  sha256: string;
  /** created_at of the newest and the oldest event served (the file is newest first); null when none. */
  newestEventAt: string | null;
  oldestEventAt: string | null;
};

export type ExportStreamOptions = {
  filters: AuditTrailFilters;
  format: ExportFormat;
  maxEvents: number;
  listPage: ListPage;
  /** The request's signal: aborts when the client goes away. */
  signal?: AbortSignal;
  /**
   * Called once, however the export ends. When the client is still reading, the stream ends only
   * after a returned promise settles, so whatever it records (the manifest) is final by then.
   */
  onFinish: (summary: ExportSummary) => void | Promise<void>;
  clock?: RetryClock;
};

// A long export must not fail on a transient limit, so it waits far longer than a page view would;
// Merge's limits are per minute, so five minutes without progress means something else is wrong.
const RATE_LIMIT_MAX_WAIT_MS = 5 * 60_000;
const DEFAULT_RATE_LIMIT_WAIT_MS = DEFAULT_RATE_LIMIT_WAIT_SECONDS * 1000;

export class ExportTooLargeError extends Error {
  constructor(maxEvents: number) {
    super(`This export has more than ${maxEvents.toLocaleString("en-US")} events: narrow the filters`);
    this.name = "ExportTooLargeError";
  }
}

function failureReason(error: unknown): string {
  if (error instanceof MergeApiError) return error.code;
  return error instanceof Error ? error.message : "unknown error";
}

/**
 * Opens an export: the first page is fetched before this resolves, so a failure that happens at
 * once (key rejected, Merge down) still becomes an ordinary error response rather than a cut
 * download. Everything after that streams.
 */
export async function openExportStream(options: ExportStreamOptions): Promise<ReadableStream<Uint8Array>> {
  const { filters, format, maxEvents, listPage, onFinish, clock = systemClock } = options;
  const encoder = ENCODERS[format];
  const utf8 = new TextEncoder();
  const startedAt = performance.now();
  const upstream = new AbortController();
  const stats = { events: 0, pages: 0, upstreamMs: 0, upstreamRetries: 0, rateLimitWaits: 0 };
  const served = { hash: createHash("sha256"), newestEventAt: null as string | null, oldestEventAt: null as string | null };

  let finished = false;
  const finish = async (outcome: ExportStreamOutcome, reason?: string) => {
    if (finished) return;
    finished = true;
    options.signal?.removeEventListener("abort", onClientGone);
    const { newestEventAt, oldestEventAt } = served;
    const summary = { outcome, reason, ...stats, sha256: served.hash.digest("hex"), newestEventAt, oldestEventAt };
    await Promise.resolve(onFinish({ ...summary, durationMs: Math.round(performance.now() - startedAt) })).catch(() => {});
  };
  const serve = (controller: ReadableStreamDefaultController<Uint8Array>, text: string) => {
    const bytes = utf8.encode(text);
    served.hash.update(bytes);
    controller.enqueue(bytes);
  };
  const onClientGone = () => upstream.abort(options.signal?.reason);
  if (options.signal?.aborted) upstream.abort(options.signal.reason);
  else options.signal?.addEventListener("abort", onClientGone, { once: true });

  // One page, continuing from the same cursor after a rate limit: nothing skipped, nothing repeated.
  // The first page gets only the client's own retries: before any byte is sent, a clear "rate
  // limited, retry in N s" answer serves the person better than a download that sits waiting.
  const fetchPage = async (cursor: string | undefined): Promise<AuditTrailPage> => {
    let waitedMs = 0;
    for (;;) {
      try {
        const result = await listPage({ ...filters, page_size: MAX_PAGE_SIZE, cursor }, { signal: upstream.signal });
        stats.upstreamMs += result.upstreamMs;
        stats.upstreamRetries += result.retries;
        return result.page;
      } catch (error) {
        if (error instanceof MergeApiError) {
          stats.upstreamMs += error.upstreamMs;
          stats.upstreamRetries += error.retries;
        }
        // A hold by the failure guard is waited out the same way: an export is not cut by it.
        const wait = error instanceof MergeApiError && ["rate_limited", "held_back"].includes(error.code) ? error : undefined;
        if (cursor === undefined || !wait) throw error;
        const waitMs = wait.retryAfterSeconds !== undefined ? wait.retryAfterSeconds * 1000 : DEFAULT_RATE_LIMIT_WAIT_MS;
        if (waitedMs + waitMs > RATE_LIMIT_MAX_WAIT_MS) throw error;
        stats.rateLimitWaits++;
        await clock.sleep(waitMs, upstream.signal);
        waitedMs += waitMs;
      }
    }
  };

  const pages = walkPages(fetchPage);
  // The page the next read will get; its fetch starts when the read before it is served.
  let ahead: Promise<IteratorResult<AuditTrailPage, void>>;
  try {
    ahead = Promise.resolve(await pages.next());
  } catch (error) {
    await finish(upstream.signal.aborted ? "cancelled" : "failed", failureReason(error));
    throw error;
  }

  let header = encoder.header;
  let tooLarge: ExportTooLargeError | undefined;

  return new ReadableStream<Uint8Array>(
    {
      // Called only when the client has read everything so far and asks for more. It takes the page
      // fetched during the previous pull, starts fetching the one after (so Merge's latency overlaps
      // encoding and the socket write), and enqueues. It loops until it has something to enqueue:
      // a pull that enqueues nothing is not called again.
      async pull(controller) {
        try {
          for (;;) {
            if (tooLarge) {
              await finish("too_large", tooLarge.message);
              controller.error(tooLarge);
              return;
            }
            const step = await ahead;
            if (step.done) {
              const text = header + encoder.footer;
              if (text !== "") serve(controller, text);
              await finish("complete");
              controller.close();
              return;
            }
            stats.pages++;
            let events = step.value.results;
            const room = maxEvents - stats.events;
            if (events.length > room) {
              // Write up to the limit, then fail on the next read: erroring now would drop this
              // chunk, and the client could not tell "too large" (maxEvents received) from a cut.
              events = events.slice(0, room);
              tooLarge = new ExportTooLargeError(maxEvents);
            } else {
              ahead = pages.next();
              // Awaited by the next pull; a cancel in between leaves its rejection to no one.
              ahead.catch(() => undefined);
            }
            const text = header + encodePage(encoder, events, stats.events);
            header = "";
            stats.events += events.length;
            if (events.length > 0) {
              served.newestEventAt ??= events[0]!.created_at;
              served.oldestEventAt = events.at(-1)!.created_at;
            }
            if (text !== "") {
              serve(controller, text);
              return;
            }
          }
        } catch (error) {
          await finish(upstream.signal.aborted ? "cancelled" : "failed", failureReason(error));
          controller.error(error);
        }
      },
      cancel(reason) {
        upstream.abort(reason);
        void finish("cancelled", "the client went away");
      },
    },
    // Nothing queued: pull runs only for a waiting read, so at most one page is ever held ahead.
    { highWaterMark: 0 },
  );
}
