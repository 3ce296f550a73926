"use client";

import { ErrorMessage } from "@/components/explorer/error-message";
import { Button } from "@/components/ui/button";

type ResultsFooterProps = {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  nextPageError: Error | null;
  onLoadMore: () => void;
};

/** After the last loaded row: more to load, loading, a failed page, or the end of the trail. */
export function ResultsFooter({ hasNextPage, isFetchingNextPage, nextPageError, onLoadMore }: ResultsFooterProps) {
  if (nextPageError) return <ErrorMessage error={nextPageError} onRetry={onLoadMore} />;
  return (
    <div className="flex min-h-16 items-center justify-center px-3 py-4 text-sm text-zinc-600 dark:text-zinc-400">
      {hasNextPage ? (
        <div className="flex items-center gap-3">
          <Button onClick={onLoadMore} disabled={isFetchingNextPage} aria-busy={isFetchingNextPage}>
            Load more
          </Button>
          {isFetchingNextPage && <span>Loading more events…</span>}
        </div>
      ) : (
        <p>End of the audit trail for these filters</p>
      )}
    </div>
  );
}
