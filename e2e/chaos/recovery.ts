import type { SequenceChecker } from './sequence-checker.js';

/** One injected fault: when it began and the seq each topic's publisher was about to append. */
export interface Fault {
  step: string;
  at: number;
  nextSeq: Readonly<Record<string, number>>;
}

export interface RecoveryRow {
  step: string;
  client: string;
  topic: string;
  /** From the fault until the client received the first event appended after it; null: not yet. */
  recoveryMs: number | null;
}

export interface CheckedClient {
  name: string;
  checkers: ReadonlyMap<string, SequenceChecker>;
}

/**
 * Recovery as a trader sees it: the time from the fault until each client's next event on each
 * topic that was appended after the fault (earlier events still in flight do not count as
 * recovered). It includes the producer's own stall when the fault is its Redis.
 */
export function measureRecovery(fault: Fault, clients: readonly CheckedClient[]): RecoveryRow[] {
  const rows: RecoveryRow[] = [];
  for (const client of clients) {
    for (const [topic, checker] of client.checkers) {
      const from = fault.nextSeq[topic];
      const arrival = from === undefined ? undefined : checker.firstArrivalFrom(from);
      rows.push({ step: fault.step, client: client.name, topic, recoveryMs: arrival === undefined ? null : Math.max(0, arrival - fault.at) });
    }
  }
  return rows;
}

/** True once every client has recovered on every topic. */
export function allRecovered(rows: readonly RecoveryRow[]): boolean {
  return rows.every((r) => r.recoveryMs !== null);
}
