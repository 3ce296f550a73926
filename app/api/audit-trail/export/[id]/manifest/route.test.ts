import { createHash } from "node:crypto";

import { NextRequest } from "next/server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { EXPORT_ID_HEADER, manifestPath } from "@/lib/export/manifest";
import { createSimulator } from "@/lib/simulator";
import { listAccessLog } from "@/lib/server/records/access-log-store";
import { testDatabaseKinds } from "@/testing/archive-databases";
import { openTestRecords, type TestRecords } from "@/testing/records";
import { signedInAs, SIMULATOR_NOW, simulatorSource } from "@/testing/routes";

import { createExportRoute } from "../../create-route";
import { createManifestRoute } from "./create-route";

const ADMIN = "lead@acme.test";
const ADA = "ada@acme.test";
const BOB = "bob@acme.test";

const simulator = createSimulator({ now: SIMULATOR_NOW, events: 250, seed: "manifests" });

describe.each(testDatabaseKinds())("export manifests on $name", (kind) => {
  let records: TestRecords;

  beforeEach(async () => {
    records = await openTestRecords(kind, [ADMIN]);
  }, 60_000);

  afterEach(() => records.close(), 60_000);

  const exportAs = (email: string, search: string) =>
    createExportRoute({ source: simulatorSource(simulator), getSession: signedInAs(email), config: { exportMaxEvents: 1_000_000 }, records })(
      new NextRequest(`http://127.0.0.1:3000/api/audit-trail/export?${search}`),
    );
  const manifestAs = (email: string, id: string) =>
    createManifestRoute({ getSession: signedInAs(email), records })(new NextRequest(`http://127.0.0.1:3000${manifestPath(id)}`));

  it.each(["csv", "json", "ndjson"])("describes a %s file by the SHA-256 of its exact bytes, final once it is downloaded", async (format) => {
    const response = await exportAs(ADA, `format=${format}&start_date=2026-11-01T00:00:00.000Z`);
    const id = response.headers.get(EXPORT_ID_HEADER)!;
    const bytes = new Uint8Array(await response.arrayBuffer());
    const manifest = await (await manifestAs(ADA, id)).json();
    expect(Object.keys(manifest).sort()).toEqual(
      ["app_version", "count", "created_at", "created_by", "first_event_at", "id", "last_event_at", "outcome", "sha256", "source", "url"],
    );
    expect(manifest).toMatchObject({
      id,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      outcome: "complete",
      created_by: ADA,
      source: "live from Merge",
      app_version: expect.stringMatching(/^\d+\.\d+\.\d+/),
    });
    expect(manifest.count).toBeGreaterThan(0);
    expect(manifest.first_event_at < manifest.last_event_at).toBe(true);
    // The URL reproduces the result set: the open end of the range is frozen at the export's start.
    const url = new URL(manifest.url);
    expect(url.searchParams.get("start_date")).toBe("2026-11-01T00:00:00.000Z");
    expect(url.searchParams.get("end_date")).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it("is the maker's and the admins' to read; to anyone else it does not exist", async () => {
    const response = await exportAs(ADA, "format=ndjson&event_type=INVITED_USER");
    await response.arrayBuffer();
    const id = response.headers.get(EXPORT_ID_HEADER)!;
    expect((await manifestAs(ADMIN, id)).status).toBe(200);
    expect((await manifestAs(BOB, id)).status).toBe(404);
    expect((await manifestAs(ADA, "not-a-uuid")).status).toBe(400);
  });

  it("records the export in the access log: filters, format, count, hash and outcome", async () => {
    const response = await exportAs(ADA, "format=csv&event_type=INVITED_USER");
    const sha256 = createHash("sha256").update(new Uint8Array(await response.arrayBuffer())).digest("hex");
    const { results } = await listAccessLog(await records.database(), { action: "export" }, 10);
    expect(results).toMatchObject([
      {
        user_email: ADA,
        detail: { export_id: response.headers.get(EXPORT_ID_HEADER), format: "csv", filters: { event_type: "INVITED_USER" }, sha256, outcome: "complete" },
      },
    ]);
  });
});
