import { newViewSchema } from "@/lib/saved-views";
import type { AppDependencies } from "@/lib/server/app-dependencies";
import { requestOrigin } from "@/lib/server/records/access-recorder";
import { asViewApiError, viewSearch } from "@/lib/server/records/view-routes-support";
import { createView, listViews } from "@/lib/server/records/views-store";
import { readJsonBody } from "@/lib/server/read-json-body";
import { withSession } from "@/lib/server/with-session";

/** GET /api/views: the team's views and the user's own personal ones, `{ results }`. */
export function createViewsListRoute(deps: Pick<AppDependencies, "getSession" | "records">) {
  return withSession(deps.getSession, async (_request, { session }) => {
    const actor = { email: session.email, admin: deps.records.isAdmin(session.email) };
    const results = await deps.records
      .database()
      .then((db) => listViews(db, actor))
      .catch((error: unknown) => Promise.reject(asViewApiError(error)));
    return Response.json({ results });
  });
}

/** POST /api/views {"name", "scope": "personal" | "team", "search"}: 201 with the view. */
export function createViewsCreateRoute(deps: Pick<AppDependencies, "getSession" | "records">) {
  return withSession(deps.getSession, async (request, { session }) => {
    const body = await readJsonBody(request, newViewSchema);
    const search = viewSearch(body.search);
    const actor = { email: session.email, admin: deps.records.isAdmin(session.email) };
    const view = await deps.records
      .database()
      .then((db) => createView(db, actor, { name: body.name, scope: body.scope, search }))
      .catch((error: unknown) => Promise.reject(asViewApiError(error)));
    await deps.records.recordAccess({
      user_email: session.email,
      action: "view_saved",
      detail: { view_id: view.id, name: view.name, scope: view.scope, search: view.search },
      ...requestOrigin(request.headers),
    });
    return Response.json(view, { status: 201 });
  });
}
