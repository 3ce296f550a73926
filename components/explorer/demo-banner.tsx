/** Shown when the server reads a simulator rather than Merge, so nobody mistakes demo data for theirs. */
export function DemoBanner() {
  return (
    <p className="border-b border-amber-300 bg-amber-100 px-4 py-1.5 text-center text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
      <strong className="font-semibold">Demo data</strong>: these events come from a simulated Merge organization.
    </p>
  );
}
