import type { Redis } from 'ioredis';
import { ageSec } from '../heartbeat/age.js';
import { healthReportSchema, OPS_KEYS, parseOpsRecord, type HealthReport } from './ops-records.js';

/** How many of its own cycles a report outlives: past that, the watch is gone or hung. */
export const HEALTH_REPORT_CYCLES = 5;

export async function writeHealthReport(system: Redis, report: HealthReport): Promise<void> {
  const ttlSec = Math.max(1, Math.ceil((report.intervalMs * HEALTH_REPORT_CYCLES) / 1000));
  await system.set(OPS_KEYS.health, JSON.stringify(report), 'EX', ttlSec);
}

export interface HealthReportView {
  report: HealthReport | null;
  /** Written within the last few cycles of the watch: a reader may trust the scores. */
  fresh: boolean;
  ageSec: number | null;
}

export function healthReportView(report: HealthReport | null, now: number): HealthReportView {
  if (!report) return { report: null, fresh: false, ageSec: null };
  const ageMs = Math.max(0, now - report.ts);
  return { report, fresh: ageMs <= report.intervalMs * 3, ageSec: ageSec(report.ts, now) };
}

export async function readHealthReport(system: Redis, now = Date.now()): Promise<HealthReportView> {
  return healthReportView(parseOpsRecord(healthReportSchema, await system.get(OPS_KEYS.health)), now);
}
