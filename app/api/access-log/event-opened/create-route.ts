import { z } from "zod";

import type { AppDependencies } from "@/lib/server/app-dependencies";
import { requestOrigin } from "@/lib/server/records/access-recorder";
import { readJsonBody } from "@/lib/server/read-json-body";
import { withSession } from "@/lib/server/with-session";

// POST /api/access-log/event-opened {"event_id"}: the explorer says an event's detail was opened
// (the detail panel shows the row the browser already has, so no other request would tell). Only
// this one action can be written from the browser, and always as the signed-in user.

const bodySchema = z.object({
  event_id: z.string({ message: "event_id is the id of the event opened" }).trim().min(1).max(200, "An event id has at most 200 characters"),
});

export function createEventOpenedRoute(deps: Pick<AppDependencies, "getSession" | "records">) {
  return withSession(deps.getSession, async (request, { session }) => {
    const { event_id } = await readJsonBody(request, bodySchema);
    const recorded = await deps.records.recordAccess({
      user_email: session.email,
      action: "event_opened",
      detail: { event_id },
      ...requestOrigin(request.headers),
    });
    return Response.json({ recorded });
  });
}
