import type { RssSample, Window } from "./samples";

// The run as one picture: p95 latency of the explorer's routes over time (left axis), each
// instance's RSS (right axis), and the chaos windows shaded and named. Plain SVG, no library.

export type PlotInput = {
  title: string;
  endMs: number;
  latency: { label: string; points: { atMs: number; ms: number }[] }[];
  rss: readonly RssSample[];
  chaos: { label: string; window: Window }[];
};

const WIDTH = 960;
const HEIGHT = 420;
const PAD = { left: 64, right: 64, top: 48, bottom: 72 };
const LATENCY_COLOURS = ["#2563eb", "#0891b2", "#7c3aed"];
const RSS_COLOURS = ["#dc2626", "#ea580c", "#ca8a04"];

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A round step of at least 1 for an axis from 0 to `max`, about five ticks. */
export function niceStep(max: number): number {
  const rough = Math.max(max / 5, 1);
  const power = 10 ** Math.floor(Math.log10(rough));
  return [1, 2, 5, 10].map((m) => m * power).find((step) => step >= rough)!;
}

function path(points: { x: number; y: number }[]): string {
  // A gap (no requests in a bucket) breaks the line instead of drawing through it.
  let d = "";
  let pen = false;
  for (const p of points) {
    if (!Number.isFinite(p.y)) {
      pen = false;
      continue;
    }
    d += `${pen ? "L" : "M"}${p.x.toFixed(1)},${p.y.toFixed(1)}`;
    pen = true;
  }
  return d;
}

export function renderPlot(input: PlotInput): string {
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (ms: number) => PAD.left + (ms / input.endMs) * plotW;
  const latencyMax = Math.max(1, ...input.latency.flatMap((series) => series.points.map((p) => p.ms)).filter(Number.isFinite));
  const rssMax = Math.max(1, ...input.rss.map((s) => s.mb));
  const latencyStep = niceStep(latencyMax);
  const rssStep = niceStep(rssMax);
  const latencyTop = Math.ceil(latencyMax / latencyStep) * latencyStep;
  const rssTop = Math.ceil(rssMax / rssStep) * rssStep;
  const yLatency = (ms: number) => PAD.top + plotH - (ms / latencyTop) * plotH;
  const yRss = (mb: number) => PAD.top + plotH - (mb / rssTop) * plotH;
  const parts: string[] = [];

  parts.push(`<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`);
  parts.push(`<text x="${WIDTH / 2}" y="24" text-anchor="middle" font-size="15" font-weight="600">${escape(input.title)}</text>`);
  for (const [i, { label, window }] of input.chaos.entries()) {
    const from = x(window.fromMs);
    const width = Math.max(2, x(window.toMs) - from);
    parts.push(`<rect x="${from.toFixed(1)}" y="${PAD.top}" width="${width.toFixed(1)}" height="${plotH}" fill="#f59e0b" fill-opacity="0.18" data-chaos="${escape(label)}"/>`);
    parts.push(`<text x="${(from + 3).toFixed(1)}" y="${PAD.top + 14 + (i % 3) * 13}" font-size="11" fill="#92400e">${escape(label)}</text>`);
  }
  for (let v = 0; v <= latencyTop; v += latencyStep) {
    const y = yLatency(v).toFixed(1);
    parts.push(`<line x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${y}" y2="${y}" stroke="#e5e7eb"/>`);
    parts.push(`<text x="${PAD.left - 6}" y="${y}" text-anchor="end" dominant-baseline="middle" font-size="11">${v}</text>`);
  }
  for (let v = 0; v <= rssTop; v += rssStep) {
    parts.push(`<text x="${WIDTH - PAD.right + 6}" y="${yRss(v).toFixed(1)}" dominant-baseline="middle" font-size="11">${v}</text>`);
  }
  const minuteStep = Math.max(1, Math.round(input.endMs / 60_000 / 10));
  for (let minute = 0; minute * 60_000 <= input.endMs; minute += minuteStep) {
    parts.push(`<text x="${x(minute * 60_000).toFixed(1)}" y="${PAD.top + plotH + 16}" text-anchor="middle" font-size="11">${minute}</text>`);
  }
  parts.push(`<text x="${PAD.left + plotW / 2}" y="${PAD.top + plotH + 34}" text-anchor="middle" font-size="12">minutes into the load</text>`);
  parts.push(`<text transform="translate(16 ${PAD.top + plotH / 2}) rotate(-90)" text-anchor="middle" font-size="12">p95 latency (ms), per 15 s</text>`);
  parts.push(`<text transform="translate(${WIDTH - 14} ${PAD.top + plotH / 2}) rotate(90)" text-anchor="middle" font-size="12">RSS (MB)</text>`);
  parts.push(`<rect x="${PAD.left}" y="${PAD.top}" width="${plotW}" height="${plotH}" fill="none" stroke="#9ca3af"/>`);

  const legend: { label: string; colour: string; dashed: boolean }[] = [];
  for (const [i, series] of input.latency.entries()) {
    const colour = LATENCY_COLOURS[i % LATENCY_COLOURS.length]!;
    parts.push(`<path d="${path(series.points.map((p) => ({ x: x(p.atMs), y: yLatency(p.ms) })))}" fill="none" stroke="${colour}" stroke-width="1.8"/>`);
    legend.push({ label: `p95 ${series.label}`, colour, dashed: false });
  }
  const instances = [...new Set(input.rss.map((s) => s.instance))].sort();
  for (const [i, instance] of instances.entries()) {
    const colour = RSS_COLOURS[i % RSS_COLOURS.length]!;
    const samples = input.rss.filter((s) => s.instance === instance);
    // A restart starts a new line: the new process's memory is not the old one's.
    for (const pid of new Set(samples.map((s) => s.pid))) {
      const points = samples.filter((s) => s.pid === pid).map((s) => ({ x: x(s.atMs), y: yRss(s.mb) }));
      parts.push(`<path d="${path(points)}" fill="none" stroke="${colour}" stroke-width="1.5" stroke-dasharray="5 3"/>`);
    }
    legend.push({ label: `RSS ${instance}`, colour, dashed: true });
  }
  for (const [i, item] of legend.entries()) {
    const lx = PAD.left + i * 180;
    const ly = HEIGHT - 14;
    parts.push(`<line x1="${lx}" x2="${lx + 24}" y1="${ly}" y2="${ly}" stroke="${item.colour}" stroke-width="2"${item.dashed ? ' stroke-dasharray="5 3"' : ""}/>`);
    parts.push(`<text x="${lx + 30}" y="${ly}" dominant-baseline="middle" font-size="11">${escape(item.label)}</text>`);
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="system-ui, sans-serif">\n${parts.join("\n")}\n</svg>\n`;
}
