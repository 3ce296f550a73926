import type { FacetKey } from "@/lib/audit-trail-stats";
import { excludeValue, includeValue, type AuditTrailFilters, type MultiValueKey } from "@/lib/filters";

// A facet's value becomes a filter of the page: the stats name the IP's column (ip_address), the URL
// its filter (ip); the other facets share their filter's name.

const FACET_FILTERS = {
  user_email: "user_email",
  event_type: "event_type",
  role: "role",
  ip_address: "ip",
} as const satisfies Record<FacetKey, Exclude<MultiValueKey, "event_group">>;

export type FacetAction = "include" | "exclude";

/** The filters with a facet's value added (include) or excluded (`-` in the URL). */
export function applyFacet(filters: AuditTrailFilters, facet: FacetKey, value: string, action: FacetAction): AuditTrailFilters {
  const key = FACET_FILTERS[facet];
  const edit = action === "include" ? includeValue : excludeValue;
  return { ...filters, [key]: edit(filters[key], value) };
}
