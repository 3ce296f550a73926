import { auditTrailPageSchema, type AuditEvent } from "../../lib/audit-event";
import type { ExportFormat } from "../../lib/export/formats";
import { parseExport } from "../../testing/parse-export";
import { errorCode, type Client } from "./client";
import type { ExportOutcome } from "./integrity";

// A virtual user on a realistic journey, over HTTP with a real session: opens the explorer, pages
// through, changes filters, opens events, asks for stats, polls the archive's status line as the
// open page does, and now and then exports as CSV or NDJSON. Seeded, so two runs walk alike.

export const ROUTES = {
  page: "GET /",
  list: "GET /api/audit-trail",
  export: "GET /api/audit-trail/export",
  stats: "GET /api/audit-trail/stats",
  status: "GET /api/archive/status",
} as const;

const STATUS_POLL_MS = 10_000;
const THINK_MS = { min: 1_000, max: 4_000 };
const EXPORT_SHARE = 0.015;

export type ExportRecord = {
  atMs: number;
  format: ExportFormat;
  filters: Record<string, string>;
  outcome: ExportOutcome;
  status: number;
  code?: string;
  ids: string[];
  unreadable: boolean;
  /** The database's snapshot when the export started (server mode), to read what the archive held then. */
  snapshot: string | null;
};

export type Shared = {
  /** Unknown until first asked; false once the route answered 404 (not on this branch). */
  statsRoute: { available: boolean | undefined };
  exports: ExportRecord[];
  /** The archive database's snapshot now, or null (embedded archive, or the database is down). */
  snapshot(): Promise<string | null>;
  sinceStartMs(): number;
};

/** mulberry32: a small seeded generator, so users differ from each other but not between runs. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function readExport(response: Response, format: ExportFormat) {
  if (!response.ok) {
    const body = await response.text().catch(() => "");
    return { outcome: "refused" as const, ids: [], unreadable: false, code: errorCode(body) };
  }
  let text: string;
  try {
    text = await response.text();
  } catch {
    return { outcome: "cut" as const, ids: [], unreadable: false };
  }
  try {
    const ids = parseExport(format, text).map((record) => String(format === "csv" ? record["Event ID"] : record.id));
    return { outcome: "complete" as const, ids, unreadable: false };
  } catch {
    return { outcome: "complete" as const, ids: [], unreadable: true };
  }
}

export async function runUser(client: Client, seed: number, shared: Shared, stopped: () => boolean): Promise<void> {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)];
  const seen = { emails: new Set<string>(), types: new Set<string>(), events: [] as AuditEvent[] };
  let filters: Record<string, string> = {};
  let next: string | null = null;
  let lastStatusPoll = Number.NEGATIVE_INFINITY;

  const query = (extra: Record<string, string> = {}) => {
    const params = new URLSearchParams({ ...filters, ...extra }).toString();
    return params ? `?${params}` : "";
  };

  const list = async (cursor?: string) => {
    const answer = await client.get(ROUTES.list, `/api/audit-trail${query(cursor ? { cursor } : {})}`);
    const page = answer?.status === 200 ? auditTrailPageSchema.safeParse(JSON.parse(answer.body)) : undefined;
    if (!page?.success) return;
    next = page.data.next;
    for (const event of page.data.results) {
      if (event.user_email) seen.emails.add(event.user_email);
      seen.types.add(event.event_type);
    }
    seen.events = page.data.results;
  };

  const changeFilters = () => {
    const now = Date.now();
    const roll = random();
    const email = pick([...seen.emails]);
    const type = pick([...seen.types]);
    if (roll < 0.3 || (!email && !type)) filters = {};
    else if (roll < 0.55 && email) filters = { user_email: email };
    else if (roll < 0.75 && type) filters = { event_type: type };
    else if (roll < 0.9) filters = { start_date: new Date(now - 86_400_000).toISOString() };
    else filters = { ...(email && { user_email: email }), start_date: new Date(now - 7 * 86_400_000).toISOString() };
    // A link copied to a teammate carries a frozen range.
    if (random() < 0.2) filters.end_date = new Date(now).toISOString();
    next = null;
  };

  const exportFile = async () => {
    const format: ExportFormat = random() < 0.5 ? "csv" : "ndjson";
    const atMs = shared.sinceStartMs();
    const snapshot = await shared.snapshot();
    const outcome = await client.stream(ROUTES.export, `/api/audit-trail/export${query({ format })}`, (response) => readExport(response, format));
    shared.exports.push({
      atMs,
      format,
      filters: { ...filters },
      snapshot,
      status: outcome?.response.status ?? 0,
      ...(outcome ? outcome.result : { outcome: "unanswered" as const, ids: [], unreadable: false }),
    });
  };

  const stats = async () => {
    if (shared.statsRoute.available === false) return;
    const answer = await client.get(ROUTES.stats, `/api/audit-trail/stats${query()}`);
    if (answer?.status === 404) shared.statsRoute.available = false;
    else if (answer?.status === 200) shared.statsRoute.available = true;
  };

  // Arriving: the explorer's page, then its first page of events as the table loads them.
  await client.get(ROUTES.page, `/${query()}`);
  await list();
  while (!stopped()) {
    if (shared.sinceStartMs() - lastStatusPoll >= STATUS_POLL_MS) {
      lastStatusPoll = shared.sinceStartMs();
      await client.get(ROUTES.status, "/api/archive/status");
    }
    const roll = random();
    const event = pick(seen.events);
    if (roll < EXPORT_SHARE) await exportFile();
    else if (roll < 0.15) await client.get(ROUTES.page, `/${query()}`);
    else if (roll < 0.45) await list(next ?? undefined);
    else if (roll < 0.65) {
      changeFilters();
      await list();
    } else if (roll < 0.8 && event) await client.get(ROUTES.page, `/${query({ event: event.id })}`);
    else await stats();
    await sleep(THINK_MS.min + random() * (THINK_MS.max - THINK_MS.min));
  }
}
