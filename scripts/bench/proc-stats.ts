import { readdirSync, readFileSync } from "node:fs";

// Resident memory and CPU time of a process and all its descendants, read from /proc (Linux only):
// a server may fork workers, so the leader's figures alone could miss the work.

function readProc(pid: number, file: string): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/${file}`, "utf8");
  } catch {
    return undefined;
  }
}

/** The fields of /proc/<pid>/stat after the command name, which may hold spaces and parentheses. */
function statFields(pid: number): string[] | undefined {
  const stat = readProc(pid, "stat");
  return stat?.slice(stat.lastIndexOf(")") + 2).split(" ");
}

function parentOf(pid: number): number | undefined {
  const fields = statFields(pid);
  return fields ? Number(fields[1]) : undefined;
}

export function descendantsAndSelf(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    const parent = parentOf(pid);
    if (parent === undefined) continue;
    children.set(parent, [...(children.get(parent) ?? []), pid]);
  }
  const tree: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** VmRSS of one process in bytes (0 if it has exited). */
function rssOf(pid: number): number {
  const match = readProc(pid, "status")?.match(/^VmRSS:\s+(\d+) kB/m);
  return match ? Number(match[1]) * 1024 : 0;
}

export function treeRss(root: number): number {
  return descendantsAndSelf(root).reduce((sum, pid) => sum + rssOf(pid), 0);
}

/** Samples a process tree's RSS every `intervalMs` until stopped; returns the peak in bytes. */
export function sampleTreeRss(root: number, intervalMs = 100): { stop: () => number } {
  // The tree is listed once: walking /proc on every tick would cost more than the sample itself.
  const pids = descendantsAndSelf(root);
  const measure = () => pids.reduce((sum, pid) => sum + rssOf(pid), 0);
  let peak = measure();
  const timer = setInterval(() => {
    peak = Math.max(peak, measure());
  }, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, measure());
    },
  };
}

// Linux reports CPU time in clock ticks of 1/100 s (USER_HZ) on every common platform.
const MS_PER_TICK = 10;

/** User + system CPU time of a process tree so far, in ms. */
export function treeCpuMs(root: number): number {
  return descendantsAndSelf(root).reduce((sum, pid) => {
    const fields = statFields(pid);
    // utime and stime are fields 14 and 15 of stat, i.e. 11 and 12 after the command name.
    return fields ? sum + (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK : sum;
  }, 0);
}
