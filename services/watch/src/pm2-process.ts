import { z } from 'zod';

/** What the watch needs of one pm2 process, whichever way it was listed. */
export interface Pm2ProcessFacts {
  pmId: number;
  name: string;
  pid: number | null;
  status: string;
  restarts: number;
  memoryBytes: number | null;
  cpuPct: number | null;
  uptimeSec: number | null;
  /** How long pm2 waits after SIGINT before it SIGKILLs the process on a stop or restart (null: pm2's default). */
  killTimeoutMs: number | null;
}

/** pm2's kill_timeout when a process sets none. */
export const PM2_DEFAULT_KILL_TIMEOUT_MS = 1600;

/**
 * How long to wait for pm2 to restart a process: past its kill_timeout, with room to start it
 * again. A hung process never runs its SIGINT handler, so pm2 waits the whole kill_timeout before
 * it SIGKILLs it; a shorter wait would call that restart failed while pm2 is still doing it.
 */
export function restartTimeoutMs(killTimeoutMs: number | null, atLeastMs: number): number {
  return Math.max(atLeastMs, (killTimeoutMs ?? PM2_DEFAULT_KILL_TIMEOUT_MS) + 5000);
}

const describedSchema = z.object({
  name: z.string(),
  pm_id: z.number().int(),
  pid: z.number().nullable().optional(),
  monit: z.object({ memory: z.number().optional(), cpu: z.number().optional() }).optional(),
  pm2_env: z.object({ status: z.string(), restart_time: z.number().optional(), pm_uptime: z.number().optional(), kill_timeout: z.number().optional() }).loose(),
});

/** pm2's process descriptions (API `list` or CLI `jlist`) → facts; entries of another shape are skipped. */
export function parsePm2Processes(described: readonly unknown[], now = Date.now()): Pm2ProcessFacts[] {
  return described.flatMap((raw) => {
    const parsed = describedSchema.safeParse(raw);
    if (!parsed.success) return [];
    const p = parsed.data;
    const online = p.pm2_env.status === 'online';
    return [
      {
        pmId: p.pm_id,
        name: p.name,
        pid: p.pid && p.pid > 0 ? p.pid : null,
        status: p.pm2_env.status,
        restarts: p.pm2_env.restart_time ?? 0,
        memoryBytes: online ? (p.monit?.memory ?? null) : null,
        cpuPct: online ? (p.monit?.cpu ?? null) : null,
        uptimeSec: online && p.pm2_env.pm_uptime ? Math.max(0, (now - p.pm2_env.pm_uptime) / 1000) : null,
        killTimeoutMs: p.pm2_env.kill_timeout ?? null,
      },
    ];
  });
}
