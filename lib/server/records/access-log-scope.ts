import "server-only";

import { parseAccessLogQuery, type AccessLogQuery } from "@/lib/access-log";
import { ApiError } from "@/lib/server/api-error";

// Who may read which entries: an admin anyone's, everyone else only their own. The one place that
// narrows a query to the reader, for the list, the CSV export and the /activity page alike.

/** The request's query, validated (400 naming the field) and narrowed to what `reader` may see (403). */
export function readableAccessLogQuery(
  params: URLSearchParams,
  reader: { email: string; admin: boolean },
  allow?: readonly string[],
): AccessLogQuery {
  const parsed = parseAccessLogQuery(params, { allow });
  if (!parsed.ok) throw new ApiError("invalid_filter", parsed.error.message, parsed.error.field);
  const query = parsed.value;
  if (reader.admin) return query;
  if (query.user_email && query.user_email.toLowerCase() !== reader.email.toLowerCase()) {
    throw new ApiError("forbidden", "Only an admin can read other people's access-log entries");
  }
  return { ...query, user_email: reader.email };
}
