const SKELETON_ROWS = 10;

/** Shown while the first page loads: the table's shape, announced as loading. */
export function TableSkeleton() {
  return (
    <div aria-busy="true" className="flex-1 px-3 py-2">
      <p className="sr-only" role="status">
        Loading events…
      </p>
      <div aria-hidden="true" className="flex flex-col gap-3">
        {Array.from({ length: SKELETON_ROWS }, (_, index) => (
          <div key={index} className="flex h-11 items-center gap-4">
            <div className="h-3 w-36 animate-pulse rounded bg-zinc-200 dark:bg-zinc-800" />
            <div className="h-3 w-48 animate-pulse rounded bg-zinc-200 dark:bg-zinc-800" />
            <div className="h-3 w-20 animate-pulse rounded bg-zinc-200 dark:bg-zinc-800" />
            <div className="h-3 flex-1 animate-pulse rounded bg-zinc-200 dark:bg-zinc-800" />
          </div>
        ))}
      </div>
    </div>
  );
}
