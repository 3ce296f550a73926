// Helpers the simulator's own tests share: a request to the embedded handler and a page decoder.

import { auditTrailPageSchema, type AuditTrailPage } from "../audit-event";
import { DEFAULT_SIMULATOR_API_KEY, type Simulator } from "./index";

export const BASE = "http://embedded-simulator.invalid/api/hris/v1/audit-trail";

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
