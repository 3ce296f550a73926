import "server-only";

import { headers } from "next/headers";

import type { AccessLogAction } from "@/lib/access-log";
import { appDependencies } from "@/lib/server/app-dependencies";
import { requestOrigin, type RequestOrigin } from "@/lib/server/records/access-recorder";

// Sign-ins and denied sign-ins in the access log. next-auth's callbacks see no request, but they
// run inside its route handler, so the request's headers are there through next/headers.

async function currentOrigin(): Promise<RequestOrigin> {
  try {
    return requestOrigin(await headers());
  } catch {
    // Called outside a request (a test calling the callback directly): nobody to name.
    return { ip: null, user_agent: null };
  }
}

export async function recordSignIn(
  action: Extract<AccessLogAction, "sign_in" | "sign_in_denied">,
  email: string | null | undefined,
  detail: Record<string, unknown>,
): Promise<void> {
  await appDependencies.records.recordAccess({ user_email: email ?? null, action, detail, ...(await currentOrigin()) });
}
