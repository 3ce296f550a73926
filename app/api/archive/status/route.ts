import { archiveStatus } from "@/lib/server/archive/runtime";
import { withSession } from "@/lib/server/with-session";

// The archive's freshness for the explorer's status line, polled by the browser: a handful of
// index lookups, never a call to Merge.
export const GET = withSession(async () => Response.json(await archiveStatus()));
