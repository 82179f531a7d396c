/**
 * CPU seconds per process (Linux /proc), for the profile of a Chromium import: the worker's own
 * CPU profile is mostly idle, so the time is in other processes (the sandbox + proxy, Chromium's
 * storage service that runs IndexedDB, its network service, the extension's renderer that hosts the
 * service worker). `cpuSnapshot()` reads utime + stime of the bench process and every descendant;
 * `cpuSpent(a, b)` is what each kind of process used between two snapshots. Off Linux: empty.
 */
import { readdirSync, readFileSync } from 'node:fs';

interface ProcInfo {
  ppid: number;
  ms: number;
  label: string;
}
export type CpuSnapshot = Map<number, ProcInfo>;

const TICKS_PER_SEC = 100;

/** ppid and utime + stime (ms) from a /proc stat line; its comm (thread or process name) too. */
function parseStat(stat: string): { ppid: number; ms: number; comm: string } {
  // Fields after "(comm)": state ppid … utime (14th of the line) stime (15th).
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
  return { ppid: Number(f[1]), ms: ((Number(f[11]) + Number(f[12])) * 1000) / TICKS_PER_SEC, comm };
}

function readProc(pid: number): ProcInfo | undefined {
  try {
    const { ppid, ms } = parseStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    // Chromium rewrites its children's command lines as one space-separated string.
    const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/\0| /);
    return { ppid, ms, label: labelOf(cmd) };
  } catch {
    return undefined; // gone meanwhile, or not Linux
  }
}

/** CPU ms per thread name (digits dropped: pools count as one) of a Chromium process. */
function threadsOf(pid: number, label: string, out: CpuSnapshot): void {
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const t = parseStat(readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8'));
      out.set(-Number(tid), { ppid: pid, ms: t.ms, label: `  ${label}: ${t.comm.replace(/\d+$/, '')}` });
    }
  } catch {
    // gone meanwhile
  }
}

/** What a process is, in the words of the profile. */
function labelOf(cmd: string[]): string {
  const arg = (name: string) => cmd.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  if (cmd.some((a) => a.endsWith('backend.ts'))) return 'sandbox + proxy';
  if (!/\/chrom(e|ium)$/.test(cmd[0] ?? ''))
    return cmd.some((a) => a.endsWith('run.ts')) ? 'bench (Playwright)' : 'other';
  const type = arg('type');
  if (!type) return 'Chromium browser';
  if (type === 'utility') {
    const sub = arg('utility-sub-type') ?? '';
    if (sub.startsWith('storage.')) return 'Chromium storage (IndexedDB)';
    if (sub.startsWith('network.')) return 'Chromium network';
    return `Chromium utility ${sub}`;
  }
  if (type === 'renderer')
    return cmd.includes('--extension-process') ? 'Chromium extension (worker)' : 'Chromium renderer';
  return `Chromium ${type}`;
}

export function cpuSnapshot(root = process.pid): CpuSnapshot {
  const all = new Map<number, ProcInfo>();
  let pids: number[];
  try {
    pids = readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .map(Number);
  } catch {
    return all;
  }
  for (const pid of pids) {
    const p = readProc(pid);
    if (p) all.set(pid, p);
  }
  const out: CpuSnapshot = new Map();
  const isDescendant = (pid: number): boolean => {
    for (let p: number | undefined = pid, hops = 0; p !== undefined && hops < 64; hops++) {
      if (p === root) return true;
      p = all.get(p)?.ppid;
    }
    return false;
  };
  for (const [pid, p] of all) {
    if (!isDescendant(pid)) continue;
    out.set(pid, p);
    // Per thread too (as negative ids), for where in Chromium: IndexedDB, IO, main thread, pools.
    if (p.label.startsWith('Chromium')) threadsOf(pid, p.label.replace(/^Chromium /, ''), out);
  }
  return out;
}

/**
 * CPU ms per kind of process between two snapshots (a process that started in between counts
 * from zero; one that ended in between is lost, which the bench's long-lived processes never do).
 */
export function cpuSpent(before: CpuSnapshot, after: CpuSnapshot): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [pid, p] of after) {
    const spent = p.ms - (before.get(pid)?.ms ?? 0);
    if (spent > 0) out[p.label] = (out[p.label] ?? 0) + spent;
  }
  return out;
}

/** One line per kind of process: CPU s during each phase (floor, import, …) side by side. */
export function cpuText(phases: Record<string, Record<string, number>>): string[] {
  const names = Object.keys(phases);
  const most = (l: string) => Math.max(...names.map((n) => phases[n][l] ?? 0));
  const all = [...new Set(names.flatMap((n) => Object.keys(phases[n])))];
  // Processes by CPU, each followed by its threads that used at least 0.3 s in some phase.
  const byCpu = (a: string, b: string) => most(b) - most(a);
  const labels = all
    .filter((l) => !l.startsWith(' '))
    .sort(byCpu)
    .flatMap((p) => [
      p,
      ...all.filter((l) => l.startsWith(`  ${p.replace(/^Chromium /, '')}:`) && most(l) >= 300).sort(byCpu),
    ]);
  const sec = (ms: number | undefined) => ((ms ?? 0) / 1000).toFixed(1).padStart(6);
  const total = (n: string) => Object.entries(phases[n]).reduce((a, [l, x]) => (l.startsWith(' ') ? a : a + x), 0);
  return [
    `${'process (CPU s)'.padEnd(44)}${names.map((n) => n.padStart(13)).join('')}`,
    ...labels.map((l) => `${l.padEnd(44)}${names.map((n) => sec(phases[n][l]).padStart(13)).join('')}`),
    `${'all processes'.padEnd(44)}${names.map((n) => sec(total(n)).padStart(13)).join('')}`,
  ];
}
