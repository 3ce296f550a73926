"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useRouter, useSearchParams } from "next/navigation";
import { useMemo } from "react";

import { buttonClassName, Button } from "@/components/ui/button";
import { ACCESS_LOG_FILTER_KEYS, accessLogSearchParams, parseAccessLogQuery, type AccessLogFilters } from "@/lib/access-log";
import { ACCESS_LOG_ENDPOINT, accessLogQueryOptions } from "@/lib/access-log-query-options";

import { ActivityFilters } from "./activity-filters";
import { ActivityTable } from "./activity-table";
import { VerifyButton } from "./verify-button";

/**
 * The /activity page: its filters live in the URL (read here, through lib/access-log.ts), the list
 * pages by keyset with "Load more", "Export CSV" downloads what the filters select (and is logged
 * itself), and admins get "Verify".
 */
export function ActivityLog({ admin }: { admin: boolean }) {
  const router = useRouter();
  const search = useSearchParams().toString();
  const parsed = useMemo(() => parseAccessLogQuery(new URLSearchParams(search), { allow: ACCESS_LOG_FILTER_KEYS }), [search]);
  const filters: AccessLogFilters | null = parsed.ok ? parsed.value : null;
  const list = useInfiniteQuery({ ...accessLogQueryOptions(filters ?? {}), enabled: filters !== null });
  const entries = useMemo(() => list.data?.pages.flatMap((page) => page.results) ?? [], [list.data]);
  const query = filters ? accessLogSearchParams(filters).toString() : "";

  const apply = (next: AccessLogFilters) => {
    const params = accessLogSearchParams(next).toString();
    router.push(params ? `/activity?${params}` : "/activity");
  };

  return (
    <main className="flex flex-col gap-4 p-4 sm:p-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-lg font-semibold">Activity</h1>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            {admin ? "Who signed in, looked at and exported the audit trail." : "Your own sign-ins, views and exports."} Entries are
            hash-chained and cannot be changed.
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {admin && <VerifyButton />}
          {filters && (
            <a href={`${ACCESS_LOG_ENDPOINT}/export${query ? `?${query}` : ""}`} download className={buttonClassName()}>
              Export CSV
            </a>
          )}
        </div>
      </div>
      <ActivityFilters key={search} filters={filters ?? {}} admin={admin} onApply={apply} />
      {!parsed.ok && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          This link&apos;s {parsed.error.field} cannot be used: {parsed.error.message}.
        </p>
      )}
      {list.isError && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {list.error.message}
        </p>
      )}
      {list.isPending && filters && <p className="text-sm text-zinc-600 dark:text-zinc-400">Loading the access log…</p>}
      {list.isSuccess && entries.length === 0 && <p className="text-sm text-zinc-700 dark:text-zinc-300">No entries match these filters.</p>}
      {entries.length > 0 && (
        <div className="overflow-x-auto">
          <ActivityTable entries={entries} />
        </div>
      )}
      {list.hasNextPage && (
        <Button className="self-start" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
          {list.isFetchingNextPage ? "Loading…" : "Load more"}
        </Button>
      )}
    </main>
  );
}
