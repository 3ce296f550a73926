import type { RequestSample } from "./samples";
import type { Instance } from "./stack";

// The virtual users' HTTP client: the soak plays the load balancer in front of the instances,
// taking them in turn and moving on to the next when one does not answer (killed, restarting).
// Every attempt is recorded, the failed ones as status 0.

const REQUEST_TIMEOUT_MS = 30_000;

export type Answer = { status: number; body: string; code?: string; instance: string };

export type Recorder = { record(sample: RequestSample): void; sinceStartMs(): number };

/** The `error.code` of one of our error bodies. */
export function errorCode(body: string): string | undefined {
  if (!body.startsWith("{")) return undefined;
  try {
    const parsed = JSON.parse(body) as { error?: { code?: unknown } };
    return typeof parsed.error?.code === "string" ? parsed.error.code : undefined;
  } catch {
    return undefined;
  }
}

export type Client = {
  /** GETs `pathAndQuery`, reading the whole body; null when no instance answered. */
  get(route: string, pathAndQuery: string): Promise<Answer | null>;
  /**
   * Opens a GET and hands the response to `read` (for streams), which must not throw: a stream that
   * breaks off is an outcome to report, not a reason to ask another instance.
   */
  stream<T extends { code?: string }>(route: string, pathAndQuery: string, read: (response: Response) => Promise<T>): Promise<{ response: Response; result: T } | null>;
};

export function createClient(instances: readonly Instance[], cookie: string, recorder: Recorder, firstInstance: number): Client {
  let turn = firstInstance;
  const order = () => {
    turn = (turn + 1) % instances.length;
    return instances.map((_, i) => instances[(turn + i) % instances.length]!);
  };

  async function attempt<T extends { code?: string }>(route: string, pathAndQuery: string, read: (response: Response) => Promise<T>, timeoutMs: number) {
    for (const instance of order()) {
      const atMs = recorder.sinceStartMs();
      const started = performance.now();
      try {
        const response = await fetch(`${instance.url}${pathAndQuery}`, {
          headers: { cookie, "accept-encoding": "identity" },
          redirect: "manual",
          signal: AbortSignal.timeout(timeoutMs),
        });
        const result = await read(response);
        recorder.record({ atMs, route, status: response.status, ms: performance.now() - started, code: result.code, instance: instance.name });
        return { response, result, instance: instance.name };
      } catch {
        recorder.record({ atMs, route, status: 0, ms: performance.now() - started, instance: instance.name });
      }
    }
    return null;
  }

  return {
    async get(route, pathAndQuery) {
      const outcome = await attempt(
        route,
        pathAndQuery,
        async (response) => {
          const body = await response.text();
          return { body, code: errorCode(body) };
        },
        REQUEST_TIMEOUT_MS,
      );
      return outcome && { status: outcome.response.status, body: outcome.result.body, code: outcome.result.code, instance: outcome.instance };
    },
    async stream(route, pathAndQuery, read) {
      // An export is not retried elsewhere once it has an answer: a person would see it fail.
      const outcome = await attempt(route, pathAndQuery, read, 10 * 60_000);
      return outcome && { response: outcome.response, result: outcome.result };
    },
  };
}
