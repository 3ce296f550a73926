import "server-only";

import { auditTrailPageSchema, type AuditTrailPage } from "@/lib/audit-event";
import { toMergeSearchParams, type MergeQuery } from "@/lib/filters";
import { logWarning } from "@/lib/server/log";

import { MergeApiError } from "./errors";
import { createFailureGuard, type FailureGuard } from "./failure-guard";
import { advisedWaitMs, DEFAULT_RETRY_POLICY, systemClock, withRetries, type RetryClock, type RetryPolicy } from "./retry";

// The Merge client: one page of the audit trail per call. It builds the request from the shared
// filter module, runs the attempts, and turns whatever came back into a page or a typed
// MergeApiError; nothing from the upstream body reaches an error message.

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export type MergeClientOptions = {
  /** e.g. https://api.merge.dev/api, without a trailing slash. */
  baseUrl: string;
  apiKey: string;
  category: string;
  fetch: FetchLike;
  /** Deadline of each attempt, headers and body included. */
  timeoutMs: number;
  retry?: { policy?: Partial<RetryPolicy>; clock?: RetryClock };
  /** Bounds the failing requests Merge can see; one per client by default, the process's for the app. */
  failureGuard?: FailureGuard;
};

export type ListOptions = {
  signal?: AbortSignal;
  /** Whose request this is (the signed-in email): their failures hold them back first. */
  user?: string;
};
export type ListResult = { page: AuditTrailPage; retries: number; upstreamMs: number };

export type MergeClient = {
  listAuditEvents(query: MergeQuery, options?: ListOptions): Promise<ListResult>;
};

type Answer = { status: number; headers: Headers; body: string };

/** Settles with `promise`, or rejects with the signal's reason as soon as it aborts. */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

export function createMergeClient(options: MergeClientOptions): MergeClient {
  const policy = { ...DEFAULT_RETRY_POLICY, ...options.retry?.policy };
  const clock = options.retry?.clock ?? systemClock;
  const guard = options.failureGuard ?? createFailureGuard(clock.now);
  const hideKey = (text: string) => (options.apiKey ? text.split(options.apiKey).join("[redacted]") : text);

  async function attempt(url: string, caller: AbortSignal | undefined, user: string): Promise<Answer> {
    const slot = await guard.acquire(user, caller);
    if (slot.kind === "held") {
      const retryAfterSeconds = Math.max(1, Math.ceil(slot.waitMs / 1000));
      const log = `Holding back ${slot.scope === "user" ? "this user's" : "all"} requests for ${slot.waitMs} ms after failing answers from Merge`;
      throw new MergeApiError("held_back", log, { retryAfterSeconds, heldBack: slot.scope });
    }
    const deadline = AbortSignal.timeout(options.timeoutMs);
    // Only the deadline cancels the request itself: a caller who leaves stops waiting for it, but the
    // guard must still learn Merge's status, which counts towards its block whether or not anyone reads it.
    // Wrapped so that even a fetch that throws at once settles here and gives its slot back.
    const sent = new Promise<Response>((resolve) =>
      resolve(
        options.fetch(url, {
          headers: { Authorization: `Bearer ${options.apiKey}`, Accept: "application/json" },
          signal: deadline,
          // A redirect would carry the key elsewhere; Merge's API never redirects.
          redirect: "manual",
          cache: "no-store",
        }),
      ),
    );
    sent.then(
      (response) => slot.release(response.status),
      () => slot.release(undefined),
    );
    const signal = caller ? AbortSignal.any([deadline, caller]) : deadline;
    try {
      const response = await raceAbort(sent, signal);
      // The body is read under the same deadline: a stalled body is as hung as a silent server.
      return { status: response.status, headers: response.headers, body: await raceAbort(response.text(), signal) };
    } catch (error) {
      if (caller?.aborted) {
        // Nobody will read this answer: let its connection go once it arrives.
        sent.then((response) => response.body?.cancel().catch(() => undefined), () => undefined);
        throw caller.reason;
      }
      if (deadline.aborted) {
        throw new MergeApiError("upstream_timeout", `Merge did not answer within ${options.timeoutMs} ms`);
      }
      throw error;
    }
  }

  return {
    async listAuditEvents(query, { signal, user = "" } = {}) {
      const search = toMergeSearchParams(query).toString();
      const url = `${options.baseUrl}/${options.category}/v1/audit-trail${search ? `?${search}` : ""}`;
      const started = clock.now();
      let lastAnswer: Answer | undefined;
      const retried = await withRetries(
        async () => (lastAnswer = await attempt(url, signal, user)),
        {
          policy,
          clock,
          signal,
          // Network failures are worth another try; our own deadline and the caller leaving are not.
          isRetryableError: (error) => !(error instanceof MergeApiError) && !signal?.aborted,
        },
      );
      // A retry the guard holds back ends the retries: what Merge last said is the answer to report.
      const heldRetry = retried.kind === "error" && retried.error instanceof MergeApiError && retried.error.code === "held_back";
      const result = heldRetry && lastAnswer ? { kind: "answer" as const, answer: lastAnswer, retries: retried.retries } : retried;
      const upstreamMs = clock.now() - started;
      const details = { retries: result.retries, upstreamMs };

      if (result.kind === "error") {
        if (signal?.aborted) throw signal.reason;
        if (result.error instanceof MergeApiError) {
          const { code, message, retryAfterSeconds, heldBack } = result.error;
          throw new MergeApiError(code, message, { ...details, retryAfterSeconds, heldBack });
        }
        const reason = result.error instanceof Error ? `${result.error.message} ${String(result.error.cause ?? "")}` : "";
        throw new MergeApiError("upstream_unavailable", hideKey(`Could not reach Merge: ${reason}`.trim()), details);
      }
      return { page: toPage(result.answer, { ...details, query, now: clock.now() }), ...details };
    },
  };
}

type AnswerContext = { retries: number; upstreamMs: number; query: MergeQuery; now: number };

function toPage(answer: Answer, context: AnswerContext): AuditTrailPage {
  const { status } = answer;
  const details = { upstreamStatus: status, retries: context.retries, upstreamMs: context.upstreamMs };
  if (status >= 200 && status < 300) {
    const parsed = auditTrailPageSchema.safeParse(parseJson(answer.body));
    if (parsed.success) return parsed.data;
    const where = parsed.error.issues[0]?.path.join(".") || "body";
    throw new MergeApiError("upstream_invalid", `Merge's ${status} answer does not match the page schema at ${where}`, details);
  }
  if (status === 401 || status === 403) {
    throw new MergeApiError("upstream_auth", `Merge refused the API key (${status})`, details);
  }
  if (status === 404 && /invalid cursor/i.test(answer.body)) {
    throw new MergeApiError("invalid_cursor", "Merge did not accept the cursor", details);
  }
  if (status === 429) {
    const waitMs = advisedWaitMs(answer.headers, context.now);
    const retryAfterSeconds = waitMs === undefined ? undefined : Math.max(1, Math.ceil(waitMs / 1000));
    throw new MergeApiError("rate_limited", "Merge is rate-limiting this server", { ...details, retryAfterSeconds });
  }
  if (status === 408) throw new MergeApiError("upstream_timeout", "Merge timed out reading the request (408)", details);
  if (status >= 500) throw new MergeApiError("upstream_unavailable", `Merge answered ${status}`, details);
  if (status < 400 || status === 404) {
    // Not an answer from Merge's audit-trail endpoint: most likely MERGE_API_BASE_URL points elsewhere.
    logWarning("The upstream answered as if this were not Merge's audit-trail endpoint", { status });
    throw new MergeApiError("upstream_invalid", `The upstream answered ${status}`, details);
  }
  // Any other refusal means a query got past our validation, and Merge counts failing requests per IP.
  logWarning("Merge refused a query our validation accepted", { status, params: Object.keys(context.query) });
  throw new MergeApiError("upstream_invalid", `Merge answered ${status} to a query we validated`, details);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
