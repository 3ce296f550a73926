import { matchTotalText } from "./stats-words";

/** "1,204 events match": the exact size of the result set, announced when it changes. */
export function MatchTotal({ total }: { total: number | undefined }) {
  return (
    <p role="status" className="text-sm font-medium text-zinc-900 tabular-nums dark:text-zinc-100">
      {total === undefined ? "Counting events…" : matchTotalText(total)}
    </p>
  );
}
