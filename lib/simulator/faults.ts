// Opt-in failures for tests and demos. One small syntax serves SIMULATOR_FAULTS, the
// `X-Simulator-Fault` request header and createSimulator({ faults }):
//
//   rules  = rule ("," rule)*
//   rule   = fault [":" number] ["@" when]
//   fault  = latency:MS | 429[:RETRY_AFTER_SECONDS] (default 1) | 500 | 502 | 503 | hang | malformed | wrong-shape
//   when   = always (default) | N (the Nth request only) | N-M (Nth to Mth) | first:N | after:N (every
//            request after the Nth) | every:N (every Nth) | P% (a share, drawn from the seed, not Math.random)
//            | Ns-Ms (every request from N to M seconds after the simulator started)
//
// e.g. `429:2@3-4` (the 3rd and 4th requests are throttled for 2 s), `500@after:5` (a persistent
// outage from the 6th request on), `latency:300,503@10%`, `429:5@120s-150s` (a burst of throttling
// half a minute long, two minutes in, set at start for a soak's schedule). Requests are numbered from 1 per simulator,
// counting those that reach the audit-trail route with a valid key. Latency rules add up; among the
// other rules the first that applies wins, header rules before configured ones.

import { hashString, mix32 } from "./random";

const FAULTS = ["latency", "429", "500", "502", "503", "hang", "malformed", "wrong-shape"] as const;
export type FaultKind = (typeof FAULTS)[number];

type When =
  | { kind: "range"; from: number; to: number }
  | { kind: "every"; n: number }
  | { kind: "share"; share: number }
  | { kind: "seconds"; fromMs: number; toMs: number };

export type FaultRule = { fault: FaultKind; arg: number | null; when: When; text: string };

export type Failure = { fault: Exclude<FaultKind, "latency">; arg: number | null };
export type FaultPlan = { latencyMs: number; failure: Failure | null };

const RULE = /^([a-z0-9-]+)(?::(\d+))?(?:@(.+))?$/;

function parseWhen(text: string | undefined): When | null {
  if (text === undefined || text === "always") return { kind: "range", from: 1, to: Infinity };
  let match: RegExpExecArray | null;
  if ((match = /^(\d+)$/.exec(text))) return { kind: "range", from: Number(match[1]), to: Number(match[1]) };
  if ((match = /^(\d+)-(\d+)$/.exec(text))) return { kind: "range", from: Number(match[1]), to: Number(match[2]) };
  if ((match = /^first:(\d+)$/.exec(text))) return { kind: "range", from: 1, to: Number(match[1]) };
  if ((match = /^after:(\d+)$/.exec(text))) return { kind: "range", from: Number(match[1]) + 1, to: Infinity };
  if ((match = /^(\d+(?:\.\d+)?)s-(\d+(?:\.\d+)?)s$/.exec(text)) && Number(match[1]) <= Number(match[2])) {
    return { kind: "seconds", fromMs: Number(match[1]) * 1000, toMs: Number(match[2]) * 1000 };
  }
  if ((match = /^every:([1-9]\d*)$/.exec(text))) return { kind: "every", n: Number(match[1]) };
  if ((match = /^(\d+(?:\.\d+)?)%$/.exec(text)) && Number(match[1]) <= 100) {
    return { kind: "share", share: Number(match[1]) / 100 };
  }
  return null;
}

export type FaultParse = { ok: true; rules: FaultRule[] } | { ok: false; error: string };

export function parseFaults(text: string): FaultParse {
  const rules: FaultRule[] = [];
  for (const part of text.split(",").map((p) => p.trim()).filter(Boolean)) {
    const match = RULE.exec(part);
    const fault = FAULTS.find((name) => name === match?.[1]);
    const when = parseWhen(match?.[3]);
    if (!match || !fault || !when) {
      return { ok: false, error: `"${part}" is not a fault rule such as 429:2@3-4, 500@after:5, latency:300 or hang@10%` };
    }
    const arg = match[2] === undefined ? null : Number(match[2]);
    if (fault === "latency" && arg === null) return { ok: false, error: `"${part}" needs milliseconds, e.g. latency:300` };
    if (arg !== null && fault !== "latency" && fault !== "429") {
      return { ok: false, error: `"${part}": only latency and 429 take a number` };
    }
    rules.push({ fault, arg, when, text: part });
  }
  return { ok: true, rules };
}

/** Where a request stands: its number, and how long after the simulator started it arrived. */
export type RequestMoment = { request: number; elapsedMs: number };

function applies(rule: FaultRule, { request, elapsedMs }: RequestMoment, seedHash: number): boolean {
  const { when } = rule;
  switch (when.kind) {
    case "range":
      return request >= when.from && request <= when.to;
    case "every":
      return request % when.n === 0;
    case "share":
      return mix32(mix32(seedHash, hashString(rule.text)), request) / 4294967296 < when.share;
    case "seconds":
      return elapsedMs >= when.fromMs && elapsedMs < when.toMs;
  }
}

export function planFaults(rules: readonly FaultRule[], moment: RequestMoment, seedHash: number): FaultPlan {
  let latencyMs = 0;
  let failure: Failure | null = null;
  for (const rule of rules) {
    if (!applies(rule, moment, seedHash)) continue;
    if (rule.fault === "latency") latencyMs += rule.arg ?? 0;
    else failure ??= { fault: rule.fault, arg: rule.arg };
  }
  return { latencyMs, failure };
}
