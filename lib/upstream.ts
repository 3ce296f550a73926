// Which upstream the app reads from, decided from configuration alone. Kept free of server-only
// imports so the rule can be unit-tested and shared by auth (the demo sign-in) and the data path.

export const MERGE_REGIONS = {
  us: "https://api.merge.dev/api",
  eu: "https://api-eu.merge.dev/api",
  ap: "https://api-ap.merge.dev/api",
  sandbox: "https://api-sandbox.merge.dev/api",
} as const;

export type MergeRegion = keyof typeof MERGE_REGIONS;

/** The category namespaces Merge serves the (organization-wide) audit trail under. */
export const MERGE_CATEGORIES = [
  "hris",
  "ats",
  "accounting",
  "crm",
  "filestorage",
  "ticketing",
  "calendar",
  "chat",
  "email",
  "knowledgebase",
] as const;

export type MergeCategory = (typeof MERGE_CATEGORIES)[number];

/** The in-process simulator's base URL: never dialled, it only names the embedded upstream. */
export const EMBEDDED_SIMULATOR_BASE_URL = "http://embedded-simulator.invalid/api";

export type Upstream =
  | { kind: "embedded"; baseUrl: typeof EMBEDDED_SIMULATOR_BASE_URL }
  | { kind: "remote"; baseUrl: string };

/** True for merge.dev and any of its subdomains, the hosts that serve real customer data. */
export function isMergeHost(baseUrl: string): boolean {
  const host = new URL(baseUrl).hostname.toLowerCase().replace(/\.$/, "");
  return host === "merge.dev" || host.endsWith(".merge.dev");
}

/**
 * Demo data is anything that is not Merge itself: the embedded simulator, or a base URL on another
 * host (a standalone simulator). Only then may people sign in as the demo user.
 */
export function isDemoUpstream(upstream: Upstream): boolean {
  return upstream.kind === "embedded" || !isMergeHost(upstream.baseUrl);
}
