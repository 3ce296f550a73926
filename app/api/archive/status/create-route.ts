import type { AppDependencies } from "@/lib/server/app-dependencies";
import type { ArchiveStatus } from "@/lib/server/archive/runtime";
import { withSession } from "@/lib/server/with-session";

/**
 * GET /api/archive/status: the archive's freshness for the explorer's status line, polled by the
 * browser. A handful of index lookups, never a call to Merge.
 */
export function createArchiveStatusRoute(deps: Pick<AppDependencies, "getSession"> & { readStatus(): Promise<ArchiveStatus> }) {
  return withSession(deps.getSession, async () => Response.json(await deps.readStatus()));
}
