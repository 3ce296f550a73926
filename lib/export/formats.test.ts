import { describe, expect, it } from "vitest";

import type { AuditEvent } from "@/lib/audit-event";
import { ENCODERS, EXPORT_FORMATS, encodePage } from "@/lib/export/formats";
import { parseExport } from "@/testing/parse-export";
import { createRecordCounter } from "@/lib/export/record-counter";

const events: AuditEvent[] = Array.from({ length: 5 }, (_, i) => ({
  id: `id-${i}`,
  user_name: i === 2 ? null : `User "${i}", the\nsecond {line}`,
  user_email: i === 2 ? null : `u${i}@acme.com`,
  role: i === 3 ? "AUDITOR" : "ADMIN",
  ip_address: i % 2 ? "::1" : "198.51.100.4",
  event_type: i === 4 ? "SOME_NEW_EVENT_TYPE" : "INVITED_USER",
  event_description: `Did [thing] ${i}, with "quotes" and ünïcödé`,
  created_at: `2026-11-0${i + 1}T00:00:00Z`,
}));

/** Writes an export the way the stream does: header, pages as chunks, footer. */
function exportOf(format: (typeof EXPORT_FORMATS)[number], pages: AuditEvent[][]): string[] {
  const encoder = ENCODERS[format];
  const chunks = [encoder.header];
  let written = 0;
  for (const page of pages) {
    chunks.push(encodePage(encoder, page, written));
    written += page.length;
  }
  chunks.push(encoder.footer);
  return chunks;
}

describe.each(EXPORT_FORMATS)("the %s encoder", (format) => {
  const pages = [events.slice(0, 2), [], events.slice(2)];

  it("writes every event, in order, whatever the page boundaries", () => {
    const records = parseExport(format, exportOf(format, pages).join(""));
    const ids = records.map((record) => record[format === "csv" ? "Event ID" : "id"]);
    expect(ids).toEqual(events.map((event) => event.id));
  });

  it("is read back to the same fields", () => {
    const records = parseExport(format, exportOf(format, pages).join(""));
    if (format === "csv") {
      expect(records[2]).toMatchObject({ "User Name": "", "User Email": "", "Event Type": "INVITED_USER" });
      expect(records[0]?.["User Name"]).toBe(events[0]?.user_name);
    } else {
      expect(records).toEqual(events);
    }
  });

  it("writes an empty result as a valid, empty file", () => {
    expect(parseExport(format, exportOf(format, []).join(""))).toEqual([]);
  });

  it("is counted by the progress counter, even when chunks split a record anywhere", () => {
    const text = exportOf(format, pages).join("");
    const counter = createRecordCounter(format);
    for (let i = 0; i < text.length; i += 7) counter.push(text.slice(i, i + 7));
    expect(counter.count).toBe(events.length);
  });
});
