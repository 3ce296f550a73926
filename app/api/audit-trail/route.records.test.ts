import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";

import { createSimulator } from "@/lib/simulator";
import { recordingRecords } from "@/testing/records";
import { CURSOR_SECRET, signedInAs, SIMULATOR_NOW, simulatorSource } from "@/testing/routes";

import { createAuditTrailRoute } from "./create-route";

// Each new result set the explorer shows is a `view` in the access log; scrolling to later pages is not.

describe("GET /api/audit-trail and the access log", () => {
  it("records a view, with the canonical filter URL and the request's origin, for a first page only", async () => {
    const records = recordingRecords();
    const GET = createAuditTrailRoute({
      source: simulatorSource(createSimulator({ now: SIMULATOR_NOW, events: 200, seed: "views" })),
      getSession: signedInAs("ada@acme.test"),
      cursorSecret: CURSOR_SECRET,
      records,
    });
    const request = (search: string) =>
      new NextRequest(`http://127.0.0.1:3000/api/audit-trail?${search}`, { headers: { "user-agent": "Chromium", "x-forwarded-for": "192.0.2.8" } });
    const first = await (await GET(request("event_type=INVITED_USER&page_size=30"))).json();
    await GET(request(`event_type=INVITED_USER&page_size=30&cursor=${first.next}`));
    expect(records.entries).toEqual([
      {
        user_email: "ada@acme.test",
        action: "view",
        detail: { url: "/?event_type=INVITED_USER", filters: { event_type: "INVITED_USER" } },
        ip: "192.0.2.8",
        user_agent: "Chromium",
      },
    ]);
  });
});
