import "server-only";

import { explorerUrl } from "@/lib/explorer-url";
import { filterParameters, pickFilters, type AuditTrailQuery } from "@/lib/filters";
import type { RecordsDependencies } from "@/lib/server/app-dependencies";

import { requestOrigin } from "./access-recorder";

/** A `view` entry: the explorer showed `user` the result set of these filters (canonical URL). */
export function recordView(records: RecordsDependencies, user: string, query: AuditTrailQuery, headers: Headers): Promise<boolean> {
  const filters = pickFilters(query);
  return records.recordAccess({
    user_email: user,
    action: "view",
    detail: { url: explorerUrl({ filters }), filters: filterParameters(filters) },
    ...requestOrigin(headers),
  });
}
