// The budgets, judged from the soak's figures. A figure the run could not measure (no
// database server to restart, a run too short to judge memory) is reported and not judged.

export type SoakFigures = {
  lost: number;
  doubled: number;
  /** Archived ids the upstream never served. */
  extra: number;
  short_exports: number;
  unexpected_5xx: number;
  /** Explorer page route, outside the chaos windows. */
  p95_ms: number;
  recovery_seconds: number | null;
  takeover_seconds: number | null;
  rss_growth_mb: number | null;
};

export type BudgetCheck = { figure: string; value: number | null; unit: string; budget: string; pass: boolean | null };

export const PAGE_P95_BUDGET_MS = 250;
export const RECOVERY_BUDGET_S = 10;
export const RSS_GROWTH_BUDGET_MB = 30;

const atMost = (figure: string, value: number | null, limit: number, unit: string): BudgetCheck => ({
  figure,
  value,
  unit,
  budget: limit === 0 ? "0" : `<= ${limit} ${unit}`,
  // NaN (no request measured) fails: a figure nobody measured cannot pass.
  pass: value === null ? null : !Number.isNaN(value) && value <= limit,
});

export function judge(figures: SoakFigures, syncIntervalS: number): { checks: BudgetCheck[]; pass: boolean } {
  const checks = [
    atMost("Events lost", figures.lost, 0, "events"),
    atMost("Events doubled", figures.doubled, 0, "events"),
    atMost("Archived events the upstream never served", figures.extra, 0, "events"),
    atMost("Short exports (looked whole)", figures.short_exports, 0, "exports"),
    atMost("Unexpected 5xx", figures.unexpected_5xx, 0, "answers"),
    atMost("Explorer page p95 outside chaos", figures.p95_ms, PAGE_P95_BUDGET_MS, "ms"),
    atMost("Recovery after the database restart", figures.recovery_seconds, RECOVERY_BUDGET_S, "s"),
    atMost("Sync takeover after the holder died", figures.takeover_seconds, 2 * syncIntervalS, "s"),
    atMost("RSS growth over the last half", figures.rss_growth_mb, RSS_GROWTH_BUDGET_MB, "MB"),
  ];
  return { checks, pass: checks.every((check) => check.pass !== false) };
}
