import { readFileSync, statSync } from "node:fs";

import { median } from "./stats";

// The app logs one JSON line per request (and per export) with its own duration and the time spent
// waiting on the upstream. Reading them back splits a slow figure into "our code" and "upstream".

export type LogMark = { file: string; offset: number };

export function markLog(file: string): LogMark {
  return { file, offset: statSync(file).size };
}

function linesSince(mark: LogMark): Record<string, unknown>[] {
  const text = readFileSync(mark.file).subarray(mark.offset).toString("utf8");
  const entries: Record<string, unknown>[] = [];
  for (const line of text.split("\n")) {
    if (!line.startsWith("{")) continue;
    try {
      entries.push(JSON.parse(line) as Record<string, unknown>);
    } catch {
      // A line cut by the read, or not ours.
    }
  }
  return entries;
}

export type ServerTimings = { entries: number; durationMs: number; upstreamMs: number };

/** Medians of `durationMs` and `upstreamMs` over the log lines since `mark` that match. */
export function serverTimings(mark: LogMark, match: Record<string, string>): ServerTimings {
  const entries = linesSince(mark).filter((entry) => Object.entries(match).every(([key, value]) => entry[key] === value));
  const numbers = (key: string) => entries.map((entry) => entry[key]).filter((value): value is number => typeof value === "number");
  return { entries: entries.length, durationMs: median(numbers("durationMs")), upstreamMs: median(numbers("upstreamMs")) };
}

/** The first log line since `mark` whose `msg` is `msg`, waiting for it up to `timeoutMs`; its `time` in ms. */
export async function waitForLogLine(mark: LogMark, msg: string, timeoutMs: number): Promise<{ at: number; entry: Record<string, unknown> }> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const entry = linesSince(mark).find((line) => line.msg === msg);
    if (entry) return { at: Date.parse(String(entry.time)), entry };
    if (performance.now() > deadline) throw new Error(`No "${msg}" in ${mark.file} after ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
