import { cpus, loadavg, totalmem } from "node:os";
import { writeFileSync } from "node:fs";

import { round } from "./stats";

// One row per figure: the figure, the baseline measured in the same run, how they compare, and
// the budget. The Markdown table goes to stdout, the same data as JSON to bench-results.json.

export type Budget =
  | { kind: "ratio-at-least"; limit: number }
  | { kind: "difference-at-most"; limit: number }
  | { kind: "at-most"; limit: number }
  | { kind: "at-least"; limit: number };

export type Row = {
  figure: string;
  unit: string;
  /** Median over the runs (or the single measurement). */
  value: number;
  baseline?: { label: string; value: number };
  comparison?: "ratio" | "difference";
  budget?: Budget;
  /** Every run's value, so a reader can see the spread behind the median. */
  samples?: number[];
  baselineSamples?: number[];
  note?: string;
};

export type Section = { name: string; rows: Row[]; details?: unknown; error?: string; seconds: number };

export function machineLine(): string {
  const cpu = cpus();
  return `${cpu[0]?.model ?? "unknown CPU"}, ${cpu.length} cores, ${round(totalmem() / 1024 ** 3)} GiB RAM, Node ${process.version}, load average ${loadavg().map((l) => round(l, 2)).join(" ")} at start`;
}

function compare(row: Row): { ratio?: number; difference?: number } {
  if (!row.baseline) return {};
  return { ratio: row.value / row.baseline.value, difference: row.value - row.baseline.value };
}

function within(row: Row): boolean | undefined {
  const budget = row.budget;
  if (!budget || Number.isNaN(row.value)) return budget ? false : undefined;
  const { ratio, difference } = compare(row);
  switch (budget.kind) {
    case "ratio-at-least":
      return ratio !== undefined && ratio >= budget.limit;
    case "difference-at-most":
      return difference !== undefined && difference <= budget.limit;
    case "at-most":
      return row.value <= budget.limit;
    case "at-least":
      return row.value >= budget.limit;
  }
}

function formatValue(value: number, unit: string): string {
  if (Number.isNaN(value)) return "n/a";
  const digits = unit === "s" ? 2 : unit === "req/s" || unit === "events/s" || unit === "rows" || unit === "events" ? 0 : 1;
  return `${round(value, digits).toLocaleString("en-US")} ${unit}`;
}

function formatComparison(row: Row): string {
  const { ratio, difference } = compare(row);
  if (ratio === undefined || difference === undefined || !row.comparison) return "";
  if (row.comparison === "ratio") return `${round(ratio, 2)}x`;
  return `${difference >= 0 ? "+" : ""}${formatValue(difference, row.unit)}`;
}

function formatBudget(row: Row): string {
  const budget = row.budget;
  if (!budget) return "";
  switch (budget.kind) {
    case "ratio-at-least":
      return `>= ${budget.limit}x`;
    case "difference-at-most":
      return `<= +${formatValue(budget.limit, row.unit)}`;
    case "at-most":
      return `<= ${formatValue(budget.limit, row.unit)}`;
    case "at-least":
      return `>= ${formatValue(budget.limit, row.unit)}`;
  }
}

const escapeCell = (text: string) => text.replace(/\|/g, "\\|");

export function markdownTable(sections: Section[]): string {
  const lines = [
    "| Figure | Value | Baseline | Ratio / difference | Budget | Within? |",
    "|---|---:|---|---:|---|:---:|",
  ];
  for (const section of sections) {
    if (section.error) {
      lines.push(`| ${escapeCell(section.name)} | failed: ${escapeCell(section.error.split("\n")[0]!)} | | | | no |`);
      continue;
    }
    for (const row of section.rows) {
      const ok = within(row);
      lines.push(
        `| ${escapeCell(row.figure)} | ${formatValue(row.value, row.unit)} | ${
          row.baseline ? `${escapeCell(row.baseline.label)}: ${formatValue(row.baseline.value, row.unit)}` : ""
        } | ${formatComparison(row)} | ${formatBudget(row)} | ${ok === undefined ? "" : ok ? "yes" : "**no**"} |`,
      );
    }
  }
  const notes = sections.flatMap((section) => section.rows.filter((row) => row.note).map((row) => `- ${row.figure}: ${row.note}`));
  return [...lines, ...(notes.length > 0 ? ["", "Notes:", ...notes] : [])].join("\n");
}

type RunInfo = { machine: string; commit: string; totalSeconds: number };

export function writeJson(file: string, { machine, commit, totalSeconds }: RunInfo, sections: Section[]): void {
  const json = {
    machine,
    commit,
    date: new Date().toISOString(),
    totalSeconds: round(totalSeconds),
    sections: sections.map((section) => ({
      ...section,
      seconds: round(section.seconds),
      rows: section.rows.map((row) => ({ ...row, ...compare(row), within: within(row) })),
    })),
  };
  writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
}
