import { z } from "zod";

import type { AppDependencies } from "@/lib/server/app-dependencies";
import { ApiError } from "@/lib/server/api-error";
import { asArchiveError } from "@/lib/server/archive/errors";
import { readManifest } from "@/lib/server/records/manifest-store";
import { withSession } from "@/lib/server/with-session";

/**
 * GET /api/audit-trail/export/{id}/manifest: the export's manifest, to the one who made it or an
 * admin; to anyone else it does not exist (404), so ids cannot be probed.
 */
const idSchema = z.uuid({ message: "An export id is the X-Export-Id of an export" });

export function createManifestRoute(deps: Pick<AppDependencies, "getSession" | "records">) {
  return withSession(deps.getSession, async (request, { session }) => {
    // /api/audit-trail/export/{id}/manifest
    const id = idSchema.safeParse(decodeURIComponent(request.nextUrl.pathname.split("/").at(-2) ?? ""));
    if (!id.success) throw new ApiError("invalid_filter", id.error.issues[0]!.message, "id");
    const { records } = deps;
    const manifest = await records
      .database()
      .then((db) => readManifest(db, id.data))
      .catch((error: unknown) => Promise.reject(asArchiveError(error)));
    if (!manifest || (manifest.created_by !== session.email && !records.isAdmin(session.email))) throw new ApiError("not_found");
    return Response.json(manifest);
  });
}
