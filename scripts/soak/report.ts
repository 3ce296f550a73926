import { writeFileSync } from "node:fs";

import type { BudgetCheck, SoakFigures } from "./budgets";
import type { ChaosResult } from "./chaos";
import type { LatencyRow } from "./latency";
import type { LoadFigures } from "./monitor";
import type { RssGrowth } from "./rss";
import { ROUTES } from "./users";

// The soak's output: a Markdown table on stdout, and soak-results.json with the issue's keys first.

export type SoakReport = {
  minutes: number;
  mode: "server" | "embedded";
  commit: string;
  machine: string;
  requests: number;
  figures: SoakFigures;
  checks: BudgetCheck[];
  pass: boolean;
  latency: LatencyRow[];
  chaos: ChaosResult[];
  exports: { started: number; whole: number; wholeUnverified: number; short: number; failedVisibly: number; events: number };
  /** Requests no instance answered (the killed instance's, before the next took them). */
  unanswered: number;
  statsRoute: string;
  catchUpSeconds: number | null;
  archivedEvents: number;
  rss: RssGrowth[];
  load: LoadFigures;
  unexpected5xxSamples: unknown[];
};

const number = (value: number | null, digits = 1) =>
  value === null ? "not measured" : Number.isNaN(value) ? "n/a" : (Math.round(value * 10 ** digits) / 10 ** digits).toLocaleString("en-US");

export function markdown(report: SoakReport): string {
  const lines = [
    `Soak of ${report.minutes} min, ${report.mode === "server" ? "two instances on PostgreSQL 15" : "one instance on the embedded archive"}, commit ${report.commit}: **${report.pass ? "pass" : "FAIL"}**`,
    "",
    "| Figure | Value | Budget | Within? |",
    "|---|---:|---|:---:|",
    ...report.checks.map(
      (check) => `| ${check.figure} | ${number(check.value)}${check.value === null ? "" : ` ${check.unit}`} | ${check.budget} | ${check.pass === null ? "" : check.pass ? "yes" : "**no**"} |`,
    ),
    "",
    `Requests: ${report.requests.toLocaleString("en-US")} (${report.unanswered} unanswered by an instance and sent to the next). ` +
      `Archive at the end: ${report.archivedEvents.toLocaleString("en-US")} events, caught up ${report.catchUpSeconds === null ? "never" : `${number(report.catchUpSeconds)} s`} after the load stopped.`,
    `Exports: ${report.exports.started} started, ${report.exports.whole} whole (checked against the archive at their start), ` +
      `${report.exports.wholeUnverified} whole but unverified (no database snapshot), ${report.exports.short} short, ` +
      `${report.exports.failedVisibly} failed visibly; ${report.exports.events.toLocaleString("en-US")} events exported.`,
    `Stats: ${report.statsRoute}.`,
    `RSS over the last half: ${report.rss.map((r) => `${r.instance} ${number(r.firstMb)} -> ${number(r.lastMb)} MB (trend ${number(r.growthMb)} MB)`).join("; ") || "not measured"}.`,
    `Machine load while it ran: 1-min load average ${number(report.load.loadAverage.min, 2)} to ${number(report.load.loadAverage.max, 2)} (median ${number(report.load.loadAverage.median, 2)}); ` +
      `CPU busy ${report.load.machineBusyPercent}% of all cores, of which this soak's processes ${report.load.soakPercent}% and other processes ${report.load.othersPercent}%.`,
    "",
    "Chaos:",
    ...report.chaos.map(
      (c) =>
        `- ${c.kind} from ${number(c.window.fromMs / 1000)} s to ${number(c.window.toMs / 1000)} s` +
        (c.takeoverSeconds !== undefined ? `, sync taken over in ${number(c.takeoverSeconds)} s` : "") +
        (c.recoverySeconds !== undefined ? `, service back ${number(c.recoverySeconds)} s after the restart` : "") +
        (c.note ? ` (${c.note})` : ""),
    ),
    "",
    "The machine, minute by minute (CPU shares of both cores):",
    "",
    "| Minute | Load average (1 min) | CPU busy | Other processes | Explorer page p95 |",
    "|---:|---:|---:|---:|---:|",
    ...report.load.perMinute.map((m) => {
      const page = report.latency.find((row) => row.route === ROUTES.page && row.minute === m.minute);
      return `| ${m.minute} | ${number(m.loadAverage, 2)} | ${m.busyPercent}% | ${m.othersPercent}% | ${page ? `${number(page.p95, 0)} ms` : ""} |`;
    }),
    "",
    "Latency per route and minute (ms):",
    "",
    "| Route | Minute | Requests | p50 | p95 |",
    "|---|---:|---:|---:|---:|",
    ...report.latency.map((row) => `| ${row.route} | ${row.minute} | ${row.requests} | ${number(row.p50, 0)} | ${number(row.p95, 0)} |`),
  ];
  return lines.join("\n");
}

export function writeResults(file: string, report: SoakReport): void {
  const { figures, minutes, requests, pass, ...details } = report;
  const json = {
    minutes,
    requests,
    lost: figures.lost,
    doubled: figures.doubled,
    short_exports: figures.short_exports,
    unexpected_5xx: figures.unexpected_5xx,
    recovery_seconds: figures.recovery_seconds,
    takeover_seconds: figures.takeover_seconds,
    rss_growth_mb: figures.rss_growth_mb,
    p95_ms: Number.isNaN(figures.p95_ms) ? null : figures.p95_ms,
    pass,
    ...details,
    date: new Date().toISOString(),
  };
  writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
}
