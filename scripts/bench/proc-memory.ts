import { readdirSync, readFileSync } from "node:fs";

// Resident memory of a process and all its descendants, read from /proc (Linux only): `next start`
// serves from a forked child, so the leader's RSS alone would miss the server.

function readProc(pid: number, file: string): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/${file}`, "utf8");
  } catch {
    return undefined;
  }
}

function parentOf(pid: number): number | undefined {
  const stat = readProc(pid, "stat");
  if (!stat) return undefined;
  // The command name in parentheses may hold spaces: fields start after the last ")".
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return Number(fields[1]);
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
