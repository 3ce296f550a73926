// The audit-trail endpoint as a Web-standard Request -> Response function, in the order DRF works:
// route, authenticate, (injected faults), method, validate filters, decode the cursor, page.

import type { Dataset } from "./dataset";
import { encodeCursor } from "./cursor";
import { parseFaults, planFaults, type FaultRule } from "./faults";
import { paginate } from "./paginate";
import { parseSimulatorQuery } from "./query";
import { failureResponse, invalidCursor, json, methodNotAllowed, notFound, unauthorized } from "./responses";
import { select } from "./selection";
import { MERGE_CATEGORIES } from "../upstream";

const ROUTE = new RegExp(`^/api/(?:${MERGE_CATEGORIES.join("|")})/v1/audit-trail/?$`);

export const FAULT_HEADER = "X-Simulator-Fault";

export type HandlerDeps = {
  dataset: Dataset;
  apiKey: string;
  rules: readonly FaultRule[];
  seedHash: number;
  /** Milliseconds since the simulator started, for rules bound to a time window. */
  elapsedMs: () => number;
  /** Aborts when the simulator closes, releasing hung and delayed requests. */
  closed: AbortSignal;
};

/** DRF's TokenAuthentication messages, with Merge's "Bearer" keyword. */
function authProblem(header: string | null, apiKey: string): string | null {
  const words = (header ?? "").trim().split(/\s+/);
  if (words[0]?.toLowerCase() !== "bearer") return "Authentication credentials were not provided.";
  if (words.length === 1) return "Invalid token header. No credentials provided.";
  if (words.length > 2) return "Invalid token header. Token string should not contain spaces.";
  return words[1] === apiKey ? null : "Invalid token.";
}

/** Resolves after `ms`, or rejects as soon as one of the signals aborts. */
function wait(ms: number, signals: AbortSignal[]): Promise<void> {
  const signal = AbortSignal.any(signals);
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = Number.isFinite(ms) ? setTimeout(done, ms) : undefined;
    function done() {
      signal.removeEventListener("abort", abort);
      resolve();
    }
    function abort() {
      clearTimeout(timer);
      reject(signal.reason);
    }
    signal.addEventListener("abort", abort, { once: true });
  });
}

export function createHandler({ dataset, apiKey, rules, seedHash, elapsedMs, closed }: HandlerDeps) {
  let requests = 0;

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (!ROUTE.test(url.pathname)) return notFound();
    const problem = authProblem(request.headers.get("Authorization"), apiKey);
    if (problem) return unauthorized(problem);

    const headerFaults = parseFaults(request.headers.get(FAULT_HEADER) ?? "");
    if (!headerFaults.ok) return json(400, { [FAULT_HEADER]: [headerFaults.error] });
    requests += 1;
    const plan = planFaults([...headerFaults.rules, ...rules], { request: requests, elapsedMs: elapsedMs() }, seedHash);
    const signals = [request.signal, closed];
    if (plan.latencyMs > 0) await wait(plan.latencyMs, signals);
    if (plan.failure?.fault === "hang") {
      // Never answers: the caller's timeout (its AbortSignal) or closing the simulator ends it.
      await wait(Infinity, signals);
    }
    if (plan.failure && plan.failure.fault !== "hang") return failureResponse(plan.failure.fault, plan.failure.arg);

    if (request.method !== "GET" && request.method !== "HEAD") return methodNotAllowed(request.method);
    const response = answer(url.searchParams);
    return request.method === "HEAD" ? new Response(null, response) : response;
  }

  function answer(params: URLSearchParams): Response {
    const query = parseSimulatorQuery(params);
    if (query.kind === "invalid") return json(400, query.errors);
    if (query.kind === "invalid_cursor") return invalidCursor();
    const selection = select(dataset, query.filters);
    const page = paginate(selection, (index) => dataset.times.get(index), query.cursor, query.pageSize);
    return json(200, {
      next: page.next && encodeCursor(page.next),
      previous: page.previous && encodeCursor(page.previous),
      results: page.indexes.map((index) => dataset.event(index)),
    });
  }

  return { handle, requestCount: () => requests };
}
