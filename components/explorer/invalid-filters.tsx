import Link from "next/link";

import { buttonClassName } from "@/components/ui/button";
import type { QueryError } from "@/lib/filters";

/** The page URL does not parse: nothing is fetched, and the hint names the parameter at fault. */
export function InvalidFilters({ error }: { error: QueryError }) {
  return (
    <div role="alert" className="m-4 flex flex-col items-start gap-3 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
      <p>
        This link&apos;s filters cannot be used: <code className="font-mono">{error.field}</code>: {error.message}
      </p>
      <Link href="/" className={buttonClassName("secondary")}>
        Clear filters
      </Link>
    </div>
  );
}
