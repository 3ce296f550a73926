import { repeatedParameterMessage } from "@/lib/filters";
import { peopleQuerySchema } from "@/lib/people";
import { ApiError } from "@/lib/server/api-error";
import type { AppDependencies } from "@/lib/server/app-dependencies";
import { withSession } from "@/lib/server/with-session";

// GET /api/people?q=<part of a name or an email>&limit=<1-20>: the people seen in the audit trail,
// for the "User email" picker. Read from the archive alone, never from Merge.

const KEYS: readonly string[] = ["q", "limit"];

/** The query checked by the shared schema: a 400 naming the field for a bad, repeated or unknown one. */
function parsePeopleQuery(params: URLSearchParams) {
  const raw: Record<string, string> = {};
  for (const [key, value] of params) {
    if (!KEYS.includes(key)) throw new ApiError("invalid_filter", `Unknown parameter "${key}"`, key);
    if (key in raw) throw new ApiError("invalid_filter", repeatedParameterMessage(key), key);
    raw[key] = value;
  }
  const parsed = peopleQuerySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ApiError("invalid_filter", issue.message, String(issue.path[0] ?? "q"));
  }
  return parsed.data;
}

export function createPeopleRoute(deps: Pick<AppDependencies, "source" | "getSession">) {
  return withSession(deps.getSession, async (request) => {
    const query = parsePeopleQuery(request.nextUrl.searchParams);
    return Response.json({ people: await deps.source.findPeople(query) });
  });
}
