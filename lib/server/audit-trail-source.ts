import "server-only";

import type { AuditTrailQuery } from "@/lib/filters";
import type { Simulator } from "@/lib/simulator";
import { getServerConfig, type ServerConfig } from "@/lib/server/config";
import { createMergeClient, type FetchLike, type ListOptions, type ListResult } from "@/lib/server/merge/client";
import { embeddedSimulator } from "@/lib/server/merge/embedded";
import { processFailureGuard } from "@/lib/server/merge/failure-guard";

// Where the audit trail comes from, chosen from the configuration in this one place: the embedded
// simulator (no MERGE_API_KEY) or Merge over the network. The page, the API and the export read
// whichever source this builds, through the same pure Merge client.

export type AuditTrailSource = {
  /** One page for a validated query; throws MergeApiError. Pass the request's signal. */
  listPage(query: AuditTrailQuery, options?: ListOptions): Promise<ListResult>;
};

export type AuditTrailSourceOptions = {
  /** The embedded upstream (default: the process's simulator for its SIMULATOR_* settings). */
  simulator?: Simulator;
  /** The network for a remote upstream (default: the global fetch, looked up at call time). */
  fetch?: FetchLike;
};

const networkFetch: FetchLike = (url, init) => fetch(url, init);

export function createAuditTrailSource(config: ServerConfig, options: AuditTrailSourceOptions = {}): AuditTrailSource {
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
  // Every source shares the process's failure guard: whichever route or page asks, Merge sees at
  // most the guard's budget of failing requests from this server.
  const client = createMergeClient({
    baseUrl,
    category: config.category,
    timeoutMs: config.timeoutMs,
    failureGuard: processFailureGuard(),
    ...transport,
  });
  return { listPage: (query, listOptions) => client.listAuditEvents(query, listOptions) };
}

let appSource: AuditTrailSource | undefined;

/** The app's source, built from the server configuration on first use (never at build time). */
export function getAuditTrailSource(): AuditTrailSource {
  appSource ??= createAuditTrailSource(getServerConfig());
  return appSource;
}
