import type { z } from "zod";

import { ApiRequestError, readApiError } from "@/lib/api-errors";

// The browser's calls to the records' routes (access log, manifests, views): JSON in, JSON checked
// by a schema out, every failure an ApiRequestError of lib/api-errors.ts.

export type ApiRequestInit = { method?: "GET" | "POST" | "PATCH" | "DELETE"; body?: unknown; signal?: AbortSignal };

/** The parsed answer (204 No Content reads as undefined: pass z.undefined()). */
export async function apiRequest<T extends z.ZodType>(url: string, schema: T, init: ApiRequestInit = {}): Promise<z.infer<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: init.method ?? "GET",
      signal: init.signal,
      headers: { accept: "application/json", ...(init.body === undefined ? {} : { "content-type": "application/json" }) },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw new ApiRequestError("network");
  }
  // A redirect can only be to sign-in (fetch followed it to an HTML page): the session is gone.
  if (!response.ok || response.redirected) throw await readApiError(response);
  const body: unknown = response.status === 204 ? undefined : await response.json().catch(() => null);
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ApiRequestError("unexpected");
  return parsed.data;
}
