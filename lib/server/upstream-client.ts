import "server-only";

import type { Simulator } from "@/lib/simulator";
import type { ServerConfig } from "@/lib/server/config";
import { createMergeClient, type FetchLike, type MergeClient, type MergeClientOptions } from "@/lib/server/merge/client";
import { embeddedSimulator } from "@/lib/server/merge/embedded";
import { processFailureGuard } from "@/lib/server/merge/failure-guard";

// The pure Merge client for the configured upstream: the embedded simulator (no MERGE_API_KEY) or
// Merge over the network. The live source and the archive's sync both build theirs here.

export type UpstreamClientOptions = {
  /** The embedded upstream (default: the process's simulator for its SIMULATOR_* settings). */
  simulator?: Simulator;
  /** The network for a remote upstream (default: the global fetch, looked up at call time). */
  fetch?: FetchLike;
  retry?: MergeClientOptions["retry"];
};

const networkFetch: FetchLike = (url, init) => fetch(url, init);

export function createUpstreamClient(
  config: ServerConfig,
  options: UpstreamClientOptions = {},
): MergeClient {
  const { baseUrl } = config.upstream;
  let transport: { fetch: FetchLike; apiKey: string };
  if (config.upstream.kind === "embedded") {
    // In-process: same code path as Merge, with no port and no key to leak.
    const simulator = options.simulator ?? embeddedSimulator();
    transport = { fetch: (url, init) => simulator.handle(new Request(url, init)), apiKey: simulator.options.apiKey };
  } else {
    // parseServerConfig gives every remote upstream a key; the fallback only satisfies the type.
    transport = { fetch: options.fetch ?? networkFetch, apiKey: config.apiKey ?? "" };
  }
  // Every client shares the process's failure guard: whichever route, page or sync asks, Merge sees
  // at most the guard's budget of failing requests from this server.
  return createMergeClient({
    baseUrl,
    category: config.category,
    timeoutMs: config.timeoutMs,
    retry: options.retry,
    failureGuard: processFailureGuard(),
    ...transport,
  });
}
