import { describe, expect, it } from "vitest";

import { ExportFailure, exportUrl, MAX_EVENTS_HEADER, runExport } from "@/lib/export/download";

const line = (i: number) => `{"id":"evt-${i}"}\n`;

/** A response whose body sends `chunks`, then ends or, with `fail`, errors like a cut connection. */
function streamed(chunks: string[], init: ResponseInit & { fail?: boolean } = {}): Response {
  const utf8 = new TextEncoder();
  let i = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (i < chunks.length) controller.enqueue(utf8.encode(chunks[i++]));
      else if (init.fail) controller.error(new TypeError("network error"));
      else controller.close();
    },
  });
  return new Response(body, init);
}

function run(response: Response | Error, signal = new AbortController().signal) {
  const progress: number[] = [];
  const urls: string[] = [];
  const result = runExport({
    filters: { user_email: { include: ["jane@acme.com"], exclude: [] }, page_size: 50 },
    format: "ndjson",
    timeZone: "UTC",
    signal,
    onProgress: (events) => progress.push(events),
    fetch: async (input) => {
      urls.push(String(input));
      if (response instanceof Error) throw response;
      return response;
    },
  });
  return { result, progress, urls };
}

describe("exportUrl", () => {
  it("sends the filters (not the page size) and the format", () => {
    expect(exportUrl({ event_type: { include: ["INVITED_USER"], exclude: [] }, page_size: 50 }, "csv")).toBe(
      "/api/audit-trail/export?event_type=INVITED_USER&format=csv",
    );
  });
});

describe("runExport", () => {
  it("returns the whole file named after the filters, reporting progress as events arrive", async () => {
    const { result, progress, urls } = run(streamed([line(1) + line(2), line(3)]));
    const file = await result;
    expect(urls).toEqual(["/api/audit-trail/export?user_email=jane%40acme.com&format=ndjson"]);
    expect(file.filename).toBe("audit-trail_user-jane@acme.com.ndjson");
    expect(file.events).toBe(3);
    expect(await file.blob.text()).toBe(line(1) + line(2) + line(3));
    expect(progress).toEqual([2, 3]);
  });

  it("fails with the API's message when the export cannot start", async () => {
    const body = { error: { code: "upstream_unavailable", message: "Merge is unavailable right now; retry in a moment" } };
    const { result } = run(Response.json(body, { status: 503 }));
    await expect(result).rejects.toThrow(
      new ExportFailure("The export could not start: Merge is unavailable right now; retry in a moment"),
    );
  });

  it("fails with the status when the error is not the API's JSON", async () => {
    const { result } = run(new Response("<html>Bad gateway</html>", { status: 502 }));
    await expect(result).rejects.toThrow("The export could not start: The server answered 502 without an explanation");
  });

  it("fails, saving nothing, when the connection is cut mid-file", async () => {
    const { result } = run(streamed([line(1) + line(2)], { fail: true }));
    await expect(result).rejects.toThrow("The export was cut off after 2 events: nothing was saved. Retry, or narrow the filters.");
  });

  it("says the export is too large when the cut comes at the server's limit", async () => {
    const { result } = run(streamed([line(1) + line(2)], { fail: true, headers: { [MAX_EVENTS_HEADER]: "2" } }));
    await expect(result).rejects.toThrow("This export has more than 2 events: narrow the filters");
  });

  it("fails with a connection message when the server cannot be reached", async () => {
    const { result } = run(new TypeError("Failed to fetch"));
    await expect(result).rejects.toThrow("the server did not answer");
  });

  it("rejects with the abort reason when cancelled", async () => {
    const controller = new AbortController();
    const cancelled = new DOMException("cancelled", "AbortError");
    controller.abort(cancelled);
    const { result } = run(new TypeError("aborted"), controller.signal);
    await expect(result).rejects.toBe(cancelled);
  });
});
