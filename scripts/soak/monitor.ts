import { readFileSync } from "node:fs";
import { loadavg } from "node:os";

import { treeCpuMs, treeRss } from "../bench/proc-stats";
import type { RssSample } from "./samples";
import type { Instance } from "./stack";

// Samples every instance's memory, and what the machine is busy with: the two cores are shared with
// other work, so the figures are reported beside the load the soak saw and the CPU time its own
// processes took out of it.

const EVERY_MS = 2_000;
// Linux reports CPU time in ticks of 1/100 s (USER_HZ).
const MS_PER_TICK = 10;

/** Busy and total CPU time of the whole machine so far, in ms, from /proc/stat. */
function machineCpuMs(): { busy: number; total: number } {
  const fields = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = fields.slice(0, 8).reduce((sum, value) => sum + value, 0);
  const idle = fields[3]! + fields[4]!;
  return { busy: (total - idle) * MS_PER_TICK, total: total * MS_PER_TICK };
}

/** What the machine did during one minute of the load. */
export type MinuteLoad = { minute: number; loadAverage: number; busyPercent: number; othersPercent: number };

export type LoadFigures = {
  /** 1-minute load averages seen while the load ran. */
  loadAverage: { min: number; median: number; max: number };
  /** Share of the machine's CPU time (all cores) that was busy, and what the soak's own processes used. */
  machineBusyPercent: number;
  soakPercent: number;
  othersPercent: number;
  perMinute: MinuteLoad[];
};

function loadPerMinute(ticks: readonly { atMs: number; load: number; busy: number; total: number; soak: number }[]): MinuteLoad[] {
  const minutes: MinuteLoad[] = [];
  for (let minute = 1; ; minute += 1) {
    const inside = ticks.filter((t) => t.atMs >= (minute - 1) * 60_000 && t.atMs < minute * 60_000);
    if (inside.length < 2) break;
    const [first, last] = [inside[0]!, inside[inside.length - 1]!];
    const total = last.total - first.total;
    const share = (ms: number) => Math.round((ms / total) * 1000) / 10;
    minutes.push({
      minute,
      loadAverage: Math.round((inside.reduce((sum, t) => sum + t.load, 0) / inside.length) * 100) / 100,
      busyPercent: share(last.busy - first.busy),
      othersPercent: share(Math.max(0, last.busy - first.busy - (last.soak - first.soak))),
    });
  }
  return minutes;
}

export type Monitor = { rss: RssSample[]; stop(): LoadFigures };

/** `others`: process trees of the soak that are not instances (simulator, PostgreSQL's postmaster). */
export function startMonitor(instances: readonly Instance[], others: () => number[], sinceStartMs: () => number): Monitor {
  const rss: RssSample[] = [];
  const loads: number[] = [];
  // CPU per root process: the largest reading of its tree, since a killed tree reads nothing after.
  const cpuByRoot = new Map<number, number>();
  const startMachine = machineCpuMs();
  const startSelf = process.cpuUsage();
  // Readings at the start, subtracted; a process started later (a restart) counts from zero.
  const startRoots = new Map<number, number>();
  let first = true;

  // Per tick: the machine's busy and total CPU time, and the soak's own, to split the load by minute.
  const ticks: { atMs: number; load: number; busy: number; total: number; soak: number }[] = [];
  const soakCpuSoFar = () => {
    const self = process.cpuUsage(startSelf);
    let ms = (self.user + self.system) / 1000;
    for (const [root, used] of cpuByRoot) ms += used - (startRoots.get(root) ?? 0);
    return ms;
  };

  const tick = () => {
    const atMs = sinceStartMs();
    loads.push(loadavg()[0]!);
    for (const instance of instances) {
      const { pid } = instance.current().proc;
      const bytes = treeRss(pid);
      if (bytes > 0) rss.push({ atMs, instance: instance.name, pid, mb: bytes / 1024 / 1024 });
    }
    for (const root of [...instances.map((instance) => instance.current().proc.pid), ...others()]) {
      const ms = treeCpuMs(root);
      if (first) startRoots.set(root, ms);
      cpuByRoot.set(root, Math.max(cpuByRoot.get(root) ?? 0, ms));
    }
    const machine = machineCpuMs();
    ticks.push({ atMs, load: loads[loads.length - 1]!, busy: machine.busy, total: machine.total, soak: soakCpuSoFar() });
  };
  tick();
  first = false;
  const timer = setInterval(tick, EVERY_MS);

  return {
    rss,
    stop() {
      clearInterval(timer);
      tick();
      const machine = machineCpuMs();
      const total = machine.total - startMachine.total;
      const soak = soakCpuSoFar();
      const sorted = [...loads].sort((a, b) => a - b);
      const percent = (ms: number) => Math.round((ms / total) * 1000) / 10;
      const busy = machine.busy - startMachine.busy;
      return {
        loadAverage: { min: sorted[0] ?? 0, median: sorted[Math.floor(sorted.length / 2)] ?? 0, max: sorted[sorted.length - 1] ?? 0 },
        machineBusyPercent: percent(busy),
        soakPercent: percent(soak),
        othersPercent: percent(Math.max(0, busy - soak)),
        perMinute: loadPerMinute(ticks),
      };
    },
  };
}
