import { readFileSync, readdirSync } from 'node:fs';

/**
 * What the benchmark reads about the processes on this machine: CPU time and resident memory
 * from /proc (Linux), and the Temporal runtime's Prometheus figures of a worker.
 */

/** Clock ticks per second of /proc/<pid>/stat's utime and stime (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** User + system CPU seconds a process has used so far; 0 once it is gone. */
export function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces: the fields after it follow the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** Resident set size in bytes (VmRSS), or 0 once the process is gone. */
export function rssBytes(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = /VmRSS:\s+(\d+) kB/.exec(status);
    return kib ? Number(kib[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** The local Temporal dev server listening on `port` (its command line names the port), if there is one. */
export function localTemporalServerPid(port: number): number | undefined {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const argv = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (argv.includes('start-dev') && argv[argv.indexOf('--port') + 1] === String(port)) return Number(entry);
    } catch {
      // gone meanwhile
    }
  }
  return undefined;
}

/** CPU seconds of groups of processes between two moments: `const done = cpuMeter(groups); …; done()`. */
export function cpuMeter(groups: () => Record<string, number[]>): () => Record<string, number> {
  const before = new Map<number, number>();
  for (const pids of Object.values(groups())) for (const pid of pids) before.set(pid, cpuSeconds(pid));
  const self = process.cpuUsage();
  return () => {
    const used: Record<string, number> = {};
    for (const [name, pids] of Object.entries(groups())) {
      used[name] = pids.reduce((sum, pid) => sum + Math.max(0, cpuSeconds(pid) - (before.get(pid) ?? 0)), 0);
    }
    const own = process.cpuUsage(self);
    used.benchmark = (own.user + own.system) / 1e6;
    return used;
  };
}

export type Metrics = Map<string, number>;

/** A Prometheus text endpoint, summed by metric name and the labels kept (others summed over). */
export async function scrapeMetrics(address: string): Promise<Metrics> {
  const response = await fetch(`http://${address}/metrics`);
  const text = await response.text();
  const metrics: Metrics = new Map();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][\w:]*)(\{[^}]*\})?\s+(\S+)/.exec(line);
    if (!match) continue;
    const [, name, labels = '', value] = match;
    // Keep the label that says what ran (workflow or activity type); sum over the rest.
    const kind = /(?:activity_type|workflow_type)="([^"]*)"/.exec(labels);
    const bucket = /le="([^"]*)"/.exec(labels);
    const key = `${name}${kind ? `{${kind[1]}}` : ''}${bucket ? `[le=${bucket[1]}]` : ''}`;
    metrics.set(key, (metrics.get(key) ?? 0) + Number(value));
  }
  return metrics;
}

/** `after − before` for every key, summed over several workers' scrapes. */
export function metricsDelta(before: Metrics[], after: Metrics[]): Metrics {
  const delta: Metrics = new Map();
  for (const scrape of after) for (const [key, value] of scrape) delta.set(key, (delta.get(key) ?? 0) + value);
  for (const scrape of before) for (const [key, value] of scrape) delta.set(key, (delta.get(key) ?? 0) - value);
  return delta;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
