import { NextRequest } from "next/server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import type { SavedView, SavedViewList } from "@/lib/saved-views";
import { listAccessLog } from "@/lib/server/records/access-log-store";
import { testDatabaseKinds } from "@/testing/archive-databases";
import { openTestRecords, type TestRecords } from "@/testing/records";
import { signedInAs } from "@/testing/routes";

import { createViewDeleteRoute, createViewRenameRoute } from "./[id]/create-route";
import { createViewsCreateRoute, createViewsListRoute } from "./create-route";

const ADMIN = "lead@acme.test";
const ADA = "ada@acme.test";
const BOB = "bob@acme.test";

const request = (method: string, path: string, body?: unknown) =>
  new NextRequest(`http://127.0.0.1:3000${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });

describe.each(testDatabaseKinds())("saved views on $name", (kind) => {
  let records: TestRecords;

  beforeEach(async () => {
    records = await openTestRecords(kind, [ADMIN]);
  }, 60_000);

  afterEach(() => records.close(), 60_000);

  const as = (email: string) => {
    const deps = { getSession: signedInAs(email), records };
    return {
      list: async () => ((await (await createViewsListRoute(deps)(request("GET", "/api/views"))).json()) as SavedViewList).results,
      save: (body: unknown) => createViewsCreateRoute(deps)(request("POST", "/api/views", body)),
      rename: (id: string, name: unknown) => createViewRenameRoute(deps)(request("PATCH", `/api/views/${id}`, { name })),
      remove: (id: string) => createViewDeleteRoute(deps)(request("DELETE", `/api/views/${id}`)),
    };
  };

  it("shares team views with everyone and keeps personal ones to their owner", async () => {
    const saved = await as(ADA).save({ name: "Invites", scope: "team", search: "event_type=INVITED_USER&utm_source=x&page_size=30" });
    expect(saved.status).toBe(201);
    const team = (await saved.json()) as SavedView;
    // Only the canonical filters are kept: the stray parameter and the default page size go.
    expect(team).toMatchObject({ name: "Invites", scope: "team", search: "event_type=INVITED_USER", created_by: ADA, can_edit: true });
    await as(ADA).save({ name: "Mine", scope: "personal", search: "user_email=ada%40acme.test" });

    expect((await as(BOB).list()).map((view) => [view.name, view.can_edit])).toEqual([["Invites", false]]);
    expect((await as(ADA).list()).map((view) => view.name)).toEqual(["Mine", "Invites"]);
    // An admin manages team views, but never sees anyone's personal ones.
    expect((await as(ADMIN).list()).map((view) => [view.name, view.can_edit])).toEqual([["Invites", true]]);
  });

  it("lets the owner or an admin rename and delete a team view, nobody else", async () => {
    const team = (await (await as(ADA).save({ name: "Invites", scope: "team", search: "" })).json()) as SavedView;
    expect((await as(BOB).rename(team.id, "Mine now")).status).toBe(403);
    expect((await as(BOB).remove(team.id)).status).toBe(403);
    const renamed = await as(ADMIN).rename(team.id, "Team invites");
    expect(await renamed.json()).toMatchObject({ name: "Team invites", created_by: ADA });
    expect((await as(ADA).remove(team.id)).status).toBe(204);
    expect(await as(BOB).list()).toEqual([]);
  });

  it("hides someone's personal view from everyone else, admins included", async () => {
    const mine = (await (await as(ADA).save({ name: "Mine", scope: "personal", search: "" })).json()) as SavedView;
    for (const email of [BOB, ADMIN]) {
      expect((await as(email).rename(mine.id, "x")).status).toBe(404);
      expect((await as(email).remove(mine.id)).status).toBe(404);
    }
  });

  it("keeps names 1 to 80 characters and unique within a scope, with a clear error", async () => {
    await as(ADA).save({ name: "Invites", scope: "team", search: "" });
    const taken = await as(BOB).save({ name: "Invites", scope: "team", search: "" });
    expect(taken.status).toBe(409);
    expect(await taken.json()).toMatchObject({ error: { code: "name_taken", field: "name", message: "A team view already has this name" } });
    // Another scope, or another owner's personal views, may use it.
    expect((await as(BOB).save({ name: "Invites", scope: "personal", search: "" })).status).toBe(201);
    expect((await as(ADA).save({ name: "Invites", scope: "personal", search: "" })).status).toBe(201);
    for (const [body, field] of [
      [{ name: "", scope: "team", search: "" }, "name"],
      [{ name: "x".repeat(81), scope: "team", search: "" }, "name"],
      [{ name: "ok", scope: "everyone", search: "" }, "scope"],
      [{ name: "ok", scope: "team", search: "start_date=soon" }, "search"],
    ] as const) {
      const response = await as(ADA).save(body);
      expect({ status: response.status, body: await response.json() }).toMatchObject({ status: 400, body: { error: { code: "invalid_filter", field } } });
    }
    expect((await as(ADA).save({ name: "x".repeat(80), scope: "team", search: "" })).status).toBe(201);
  });

  it("records saving and deleting in the access log", async () => {
    const view = (await (await as(ADA).save({ name: "Invites", scope: "team", search: "event_type=INVITED_USER" })).json()) as SavedView;
    await as(ADA).remove(view.id);
    const { results } = await listAccessLog(await records.database(), { user_email: ADA }, 10);
    expect(results.map((entry) => [entry.action, entry.detail.name])).toEqual([
      ["view_deleted", "Invites"],
      ["view_saved", "Invites"],
    ]);
  });
});
