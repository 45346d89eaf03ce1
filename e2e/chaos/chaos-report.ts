import type { Fault, RecoveryRow } from './recovery.js';
import type { SequenceVerdict } from './sequence-checker.js';

export interface ClientTopicVerdict extends SequenceVerdict {
  client: string;
  topic: string;
  acked: number;
  /** Every `reset` the client got on this topic (none expected), as `<reason> after <step>`. */
  resets: string[];
}

export interface ChaosResults {
  form: 'short' | 'full';
  startedAt: string;
  /** The bound every recovery is held to. */
  recoveryBoundMs: number;
  ratePerTopic: number;
  /** Each fault's instant and the seq each topic was about to append then. */
  faults: Fault[];
  recoveries: RecoveryRow[];
  verdicts: ClientTopicVerdict[];
  /** Appends the publisher had to retry (their Redis was down), per topic. */
  publishRetries: Record<string, number>;
  /** Reconnect attempts a client made that the stack refused or failed, by cause. */
  refusedReconnects: Record<string, Record<string, number>>;
}

/** The recovery table as printed at the end of a run: one row per step, client and topic. */
export function formatRecoveryTable(rows: readonly RecoveryRow[]): string {
  const header = ['step', 'client', 'topic', 'recovery ms'];
  const body = rows.map((r) => [r.step, r.client, r.topic, r.recoveryMs === null ? 'none' : String(r.recoveryMs)]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => cells[i]!.length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === 3 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...body.map(line)].join('\n');
}

/** Slowest recovery per step, for the closing note. */
export function slowestPerStep(rows: readonly RecoveryRow[]): { step: string; worstMs: number | null }[] {
  const steps = new Map<string, number | null>();
  for (const row of rows) {
    const worst = steps.get(row.step);
    if (worst === null) continue;
    steps.set(row.step, row.recoveryMs === null ? null : Math.max(worst ?? 0, row.recoveryMs));
  }
  return [...steps].map(([step, worstMs]) => ({ step, worstMs }));
}

/** A `reset` or an ended stream one client saw, and when. */
export interface StreamNotice {
  reason: string;
  at: number;
}

/** The fault step a moment falls after, so a reset or an ended stream names what caused it. */
export function stepBefore(faults: readonly Pick<Fault, 'step' | 'at'>[], at: number): string {
  return faults.filter((f) => f.at > 0 && f.at <= at).at(-1)?.step ?? 'no fault (steady streaming)';
}

/**
 * The resets held against the gateway, each as `<reason> after <step>`: those from the run's first
 * append on. One before it cannot cost an event of the run (there is none yet), so it is only reported.
 */
export function countedResets(resets: readonly StreamNotice[], publishedFrom: number, faults: readonly Pick<Fault, 'step' | 'at'>[]): string[] {
  return resets.filter((r) => r.at >= publishedFrom).map((r) => `${r.reason} after ${stepBefore(faults, r.at)}`);
}
