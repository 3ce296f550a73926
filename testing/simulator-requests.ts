// Requests to a simulator's handler, in-process, as the simulator's own tests make them.

import { auditTrailPageSchema, type AuditTrailPage } from "@/lib/audit-event";
import { DEFAULT_SIMULATOR_API_KEY, type Simulator } from "@/lib/simulator";
import { EMBEDDED_SIMULATOR_BASE_URL } from "@/lib/upstream";

export const BASE = `${EMBEDDED_SIMULATOR_BASE_URL}/hris/v1/audit-trail`;

export function get(simulator: Simulator, query: Record<string, string | number> = {}, init: RequestInit = {}) {
  const params = new URLSearchParams(Object.entries(query).map(([key, value]) => [key, String(value)]));
  const headers = new Headers(init.headers);
  if (!headers.has("Authorization")) headers.set("Authorization", `Bearer ${DEFAULT_SIMULATOR_API_KEY}`);
  return simulator.handle(new Request(`${BASE}?${params}`, { ...init, headers }));
}

export async function getPage(simulator: Simulator, query: Record<string, string | number> = {}): Promise<AuditTrailPage> {
  const response = await get(simulator, query);
  if (response.status !== 200) throw new Error(`status ${response.status}: ${await response.text()}`);
  return auditTrailPageSchema.parse(await response.json());
}
