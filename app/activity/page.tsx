import { redirect } from "next/navigation";

import { ActivityLog } from "@/components/access-log/activity-log";
import { signInPath } from "@/lib/api-errors";
import { isAdmin } from "@/lib/server/auth/admins";
import { getPageSession } from "@/lib/server/auth/session";

export const metadata = { title: "Activity · Audit Trail Explorer" };

// /activity: the explorer's own access log. Admins read everyone's entries and can verify the hash
// chain; everyone else reads their own. The list is fetched by the browser from GET /api/access-log,
// which applies the same rule, so this page only decides what to offer.

export default async function ActivityPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const session = await getPageSession();
  if (!session) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(await searchParams)) for (const item of [value ?? []].flat()) params.append(key, item);
    redirect(signInPath(params.size > 0 ? `/activity?${params}` : "/activity"));
  }
  return <ActivityLog admin={isAdmin(session.email)} />;
}
