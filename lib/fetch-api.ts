import type { z } from "zod";

import { ApiRequestError, readApiError } from "@/lib/api-errors";

/**
 * GETs one of our API's JSON answers and checks it against `schema`. Every failure becomes an
 * ApiRequestError of lib/api-errors.ts (a cancelled request rethrows the abort).
 */
export async function fetchApiJson<T>(url: string, schema: z.ZodType<T>, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { signal, headers: { accept: "application/json" } });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiRequestError("network");
  }
  // A redirect can only be to sign-in (fetch followed it to an HTML page): the session is gone.
  if (!response.ok || response.redirected) throw await readApiError(response);
  const body = schema.safeParse(await response.json().catch(() => null));
  if (!body.success) throw new ApiRequestError("unexpected");
  return body.data;
}
