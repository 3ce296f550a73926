import { z } from "zod";

import { renameViewSchema } from "@/lib/saved-views";
import type { AppDependencies } from "@/lib/server/app-dependencies";
import { ApiError } from "@/lib/server/api-error";
import { requestOrigin } from "@/lib/server/records/access-recorder";
import { asViewApiError } from "@/lib/server/records/view-routes-support";
import { deleteView, renameView } from "@/lib/server/records/views-store";
import { readJsonBody } from "@/lib/server/read-json-body";
import { withSession, type SessionContext } from "@/lib/server/with-session";

// PATCH /api/views/{id} {"name"} renames a view; DELETE /api/views/{id} deletes it. The owner may,
// and an admin may for team views; someone else's personal view is not found.

const idSchema = z.uuid({ message: "A view id is the id GET /api/views gave" });

function viewId(request: Request): string {
  const id = idSchema.safeParse(decodeURIComponent(new URL(request.url).pathname.split("/").at(-1) ?? ""));
  if (!id.success) throw new ApiError("invalid_filter", id.error.issues[0]!.message, "id");
  return id.data;
}

const actorOf = (deps: Pick<AppDependencies, "records">, { session }: SessionContext) => ({
  email: session.email,
  admin: deps.records.isAdmin(session.email),
});

export function createViewRenameRoute(deps: Pick<AppDependencies, "getSession" | "records">) {
  return withSession(deps.getSession, async (request, context) => {
    const id = viewId(request);
    const { name } = await readJsonBody(request, renameViewSchema);
    const view = await deps.records
      .database()
      .then((db) => renameView(db, actorOf(deps, context), id, name))
      .catch((error: unknown) => Promise.reject(asViewApiError(error)));
    await deps.records.recordAccess({
      user_email: context.session.email,
      action: "view_saved",
      detail: { view_id: view.id, name: view.name, scope: view.scope, search: view.search, renamed: true },
      ...requestOrigin(request.headers),
    });
    return Response.json(view);
  });
}

export function createViewDeleteRoute(deps: Pick<AppDependencies, "getSession" | "records">) {
  return withSession(deps.getSession, async (request, context) => {
    const id = viewId(request);
    const view = await deps.records
      .database()
      .then((db) => deleteView(db, actorOf(deps, context), id))
      .catch((error: unknown) => Promise.reject(asViewApiError(error)));
    await deps.records.recordAccess({
      user_email: context.session.email,
      action: "view_deleted",
      detail: { view_id: view.id, name: view.name, scope: view.scope, owner: view.created_by },
      ...requestOrigin(request.headers),
    });
    return new Response(null, { status: 204 });
  });
}
