import { auditTrailPageSchema, type AuditEvent } from "@/lib/audit-event";
import { toMergeSearchParams, type MergeQuery } from "@/lib/filters";
import { walkPages } from "@/lib/paging";

import { E2E_MERGE_API_KEY, SIMULATOR_AUDIT_TRAIL } from "./env";

/**
 * Every event the standalone simulator returns for these filters, walking its `next` cursors
 * directly (not through the app): the truth the explorer's pages are compared with.
 */
export async function simulatorWalk(filters: MergeQuery): Promise<AuditEvent[]> {
  const events: AuditEvent[] = [];
  const fetchPage = async (cursor: string | undefined) => {
    const params = toMergeSearchParams({ ...filters, page_size: 100, cursor });
    const response = await fetch(`${SIMULATOR_AUDIT_TRAIL}?${params}`, {
      headers: { Authorization: `Bearer ${E2E_MERGE_API_KEY}` },
    });
    if (!response.ok) throw new Error(`The simulator answered ${response.status} for ${params}`);
    return auditTrailPageSchema.parse(await response.json());
  };
  for await (const page of walkPages(fetchPage)) events.push(...page.results);
  return events;
}

/** The first events of the simulator's answer for these filters (one page of `page_size`). */
export async function simulatorFirstPage(filters: MergeQuery): Promise<AuditEvent[]> {
  const params = toMergeSearchParams(filters);
  const response = await fetch(`${SIMULATOR_AUDIT_TRAIL}?${params}`, {
    headers: { Authorization: `Bearer ${E2E_MERGE_API_KEY}` },
  });
  if (!response.ok) throw new Error(`The simulator answered ${response.status} for ${params}`);
  return auditTrailPageSchema.parse(await response.json()).results;
}
