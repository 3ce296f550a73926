import Link from "next/link";

import { buttonClassName } from "@/components/ui/button";
import type { UrlProblem } from "@/lib/explorer-url";

/** The page URL without one parameter, keeping the rest of the view. */
function withoutParameter(search: string, field: string): string {
  const params = new URLSearchParams(search);
  params.delete(field);
  return params.size > 0 ? `/?${params}` : "/";
}

function RemoveLink({ search, field }: { search: string; field: string }) {
  return (
    <Link href={withoutParameter(search, field)} className={buttonClassName("secondary")}>
      Remove <code className="font-mono">{field}</code>
    </Link>
  );
}

/**
 * The one place the page URL's problems are shown, each once. A parameter that is not the page's
 * own (a tracker's `utm_source`, a typo) is ignored and said so, while the rest of the link applies;
 * a filter that cannot be used stops the link's result set, and the hint names it. Either way one
 * click removes just that parameter, and any edit in the filter bar leaves a clean URL.
 */
export function UrlProblems({ problems, search }: { problems: UrlProblem[]; search: string }) {
  const blocking = problems.filter((problem) => problem.blocking);
  const ignored = problems.filter((problem) => !problem.blocking);
  return (
    <>
      {blocking.length > 0 && (
        <div role="alert" className="m-4 flex flex-col items-start gap-3 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
          {blocking.map((problem) => (
            <p key={problem.field}>
              This link&apos;s filters cannot be used: <code className="font-mono">{problem.field}</code>: {problem.message}
            </p>
          ))}
          <div className="flex flex-wrap gap-2">
            {blocking
              .filter((problem) => new URLSearchParams(search).has(problem.field))
              .map((problem) => (
                <RemoveLink key={problem.field} search={search} field={problem.field} />
              ))}
            <Link href="/" className={buttonClassName("secondary")}>
              Clear filters
            </Link>
          </div>
        </div>
      )}
      {ignored.length > 0 && (
        <div role="status" className="mx-3 mt-2 flex flex-wrap items-center gap-x-3 gap-y-2 rounded-md border border-zinc-200 bg-zinc-50 px-3 py-2 text-sm text-zinc-800 sm:mx-4 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200">
          {ignored.map((problem) => (
            <p key={problem.field}>
              This link&apos;s <code className="font-mono">{problem.field}</code> was ignored: {problem.message}
            </p>
          ))}
          {ignored.map((problem) => (
            <RemoveLink key={problem.field} search={search} field={problem.field} />
          ))}
        </div>
      )}
    </>
  );
}
