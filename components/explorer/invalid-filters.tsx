import Link from "next/link";

import { buttonClassName } from "@/components/ui/button";
import type { QueryError } from "@/lib/filters";

/** The page URL without one parameter, keeping the rest of the view. */
function withoutParameter(search: string, field: string): string {
  const params = new URLSearchParams(search);
  params.delete(field);
  return params.size > 0 ? `/?${params}` : "/";
}

/**
 * The page URL does not parse: nothing is fetched, and the hint names the parameter at fault. A link
 * that gained a stray parameter on its way (a tracker's `utm_source`, a typo) keeps its other filters
 * with one click.
 */
export function InvalidFilters({ error, search }: { error: QueryError; search: string }) {
  const removable = new URLSearchParams(search).has(error.field);
  return (
    <div role="alert" className="m-4 flex flex-col items-start gap-3 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
      <p>
        This link&apos;s filters cannot be used: <code className="font-mono">{error.field}</code>: {error.message}
      </p>
      <div className="flex flex-wrap gap-2">
        {removable && (
          <Link href={withoutParameter(search, error.field)} className={buttonClassName("secondary")}>
            Remove <code className="font-mono">{error.field}</code>
          </Link>
        )}
        <Link href="/" className={buttonClassName("secondary")}>
          Clear filters
        </Link>
      </div>
    </div>
  );
}
