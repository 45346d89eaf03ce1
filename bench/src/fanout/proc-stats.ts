import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of utime/stime in /proc/<pid>/stat. */
const CLK_TCK = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** utime + stime of one process in seconds; 0 when it is gone. */
export function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces or parentheses: the fields start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state); utime is field 14, stime field 15.
    return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
  } catch {
    return 0;
  }
}

/** VmRSS of one process in bytes; 0 when it is gone. */
export function rssBytes(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Direct children of a process (nginx workers of their master). */
export function childPids(pid: number): number[] {
  const pids: number[] = [];
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const text = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      if (text) pids.push(...text.split(/\s+/).map(Number));
    }
  } catch {
    // gone, or no children file: scan /proc instead
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        if (ppid === pid) pids.push(Number(entry));
      } catch {
        // raced with an exit
      }
    }
  }
  return pids;
}

export interface ProcSample {
  pids: number[];
  /** CPU seconds of each pid, in the order of `pids`. */
  cpuByPid: number[];
  cpuSec: number;
  rssBytes: number;
}

export function sample(pids: readonly number[]): ProcSample {
  const cpuByPid = pids.map(cpuSeconds);
  let rss = 0;
  for (const pid of pids) rss += rssBytes(pid);
  return { pids: [...pids], cpuByPid, cpuSec: cpuByPid.reduce((a, b) => a + b, 0), rssBytes: rss };
}

/** CPU seconds the whole machine spent busy (all cores: user, nice, system, irq, softirq, steal). */
export function machineBusySeconds(): number {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '';
    const [, user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = line.trim().split(/\s+/).map(Number);
    return (user + nice + system + irq + softirq + steal) / CLK_TCK;
  } catch {
    return 0;
  }
}

/**
 * Machine-wide TCP counters of /proc/net/netstat: connections the kernel dropped because a listen
 * queue was full (the client then retransmits its SYN after 1, 3, 7, 15, 31 s).
 */
export function listenDrops(): { overflows: number; drops: number } {
  try {
    const lines = readFileSync('/proc/net/netstat', 'utf8').split('\n');
    const at = lines.findIndex((line) => line.startsWith('TcpExt:'));
    const names = (lines[at] ?? '').split(' ');
    const values = (lines[at + 1] ?? '').split(' ');
    const value = (name: string): number => Number(values[names.indexOf(name)] ?? 0) || 0;
    return { overflows: value('ListenOverflows'), drops: value('ListenDrops') };
  } catch {
    return { overflows: 0, drops: 0 };
  }
}
