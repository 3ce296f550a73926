import type { AppDependencies } from "@/lib/server/app-dependencies";
import { ApiError } from "@/lib/server/api-error";
import { asArchiveError } from "@/lib/server/archive/errors";
import { verifyAccessLog } from "@/lib/server/records/access-log-store";
import { withSession } from "@/lib/server/with-session";

/** GET /api/access-log/verify (admins): recomputes the hash chain; `{ ok, checked, first_broken_id }`. */
export function createVerifyRoute(deps: Pick<AppDependencies, "getSession" | "records">) {
  return withSession(deps.getSession, async (request, { session }) => {
    if ([...request.nextUrl.searchParams.keys()].length > 0) {
      const field = [...request.nextUrl.searchParams.keys()][0]!;
      throw new ApiError("invalid_filter", `Unknown parameter "${field}"`, field);
    }
    if (!deps.records.isAdmin(session.email)) throw new ApiError("forbidden", "Only an admin can verify the access log");
    const result = await deps.records
      .database()
      .then(verifyAccessLog)
      .catch((error: unknown) => Promise.reject(asArchiveError(error)));
    return Response.json(result);
  });
}
