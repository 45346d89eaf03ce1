import type { SequenceChecker } from './sequence-checker.js';

/** One injected fault: when it began and the seq each topic's publisher was about to append. */
export interface Fault {
  step: string;
  at: number;
  nextSeq: Readonly<Record<string, number>>;
  /** From the fault until the faulted process accepted connections again, for processes with a port. */
  listeningAfterMs?: number;
}

export interface RecoveryRow {
  step: string;
  client: string;
  topic: string;
  /**
   * The interruption this client saw on this topic: the longer of (a) fault → first event appended
   * after the fault, and (b) the longest silence between the fault and the end of the step. Null:
   * no event appended after the fault has arrived.
   */
  recoveryMs: number | null;
}

export interface CheckedClient {
  name: string;
  checkers: ReadonlyMap<string, SequenceChecker>;
}

/**
 * Recovery as a trader sees it. (a) alone misses a fault that takes effect some time after it is
 * ordered (`pm2 restart` stops Redis a few hundred ms after the command); (b) alone misses events
 * in flight that arrive after a kill although nothing new gets through. Both include the
 * producer's own stall when the fault is its Redis.
 */
export function measureRecovery(fault: Fault, clients: readonly CheckedClient[], windowEnd: number): RecoveryRow[] {
  const rows: RecoveryRow[] = [];
  for (const client of clients) {
    for (const [topic, checker] of client.checkers) {
      const from = fault.nextSeq[topic];
      const arrival = from === undefined ? undefined : checker.firstArrivalFrom(from);
      const recoveryMs = arrival === undefined ? null : Math.max(arrival - fault.at, checker.longestSilence(fault.at, Math.max(arrival, windowEnd)));
      rows.push({ step: fault.step, client: client.name, topic, recoveryMs });
    }
  }
  return rows;
}

/** True once every client has received, on every topic, an event appended after the fault. */
export function allRecovered(rows: readonly RecoveryRow[]): boolean {
  return rows.every((r) => r.recoveryMs !== null);
}
