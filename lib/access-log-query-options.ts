import { infiniteQueryOptions } from "@tanstack/react-query";
import { z } from "zod";

import { ACCESS_LOG_ACTIONS, accessLogSearchParams, type AccessLogFilters } from "@/lib/access-log";
import { apiRequest } from "@/lib/api-request";

// The /activity page's list: pages of GET /api/access-log under one key per filter state.

const accessLogEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  user_email: z.string().nullable(),
  action: z.enum(ACCESS_LOG_ACTIONS),
  detail: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
  user_agent: z.string().nullable(),
  prev_hash: z.string().nullable(),
  hash: z.string(),
});

const accessLogPageSchema = z.object({ results: z.array(accessLogEntrySchema), next: z.string().nullable() });

export const ACCESS_LOG_ENDPOINT = "/api/access-log";

export function accessLogQueryOptions(filters: AccessLogFilters) {
  return infiniteQueryOptions({
    queryKey: ["access-log", accessLogSearchParams(filters).toString()],
    queryFn: ({ pageParam, signal }) => {
      const params = accessLogSearchParams({ ...filters, cursor: pageParam ?? undefined });
      return apiRequest(`${ACCESS_LOG_ENDPOINT}?${params}`, accessLogPageSchema, { signal });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next,
    staleTime: 10_000,
  });
}
