import "server-only";

import type { z } from "zod";

import { ApiError } from "@/lib/server/api-error";

// A request's JSON body through a zod schema: anything else is a 400 invalid_filter naming the
// field at fault, like a bad query parameter.

const MAX_BODY_BYTES = 16_384;

export async function readJsonBody<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T>> {
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) throw new ApiError("invalid_filter", "The request body is too large", "body");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ApiError("invalid_filter", "The request body is not JSON", "body");
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ApiError("invalid_filter", issue.message, String(issue.path[0] ?? "body"));
  }
  return result.data;
}
