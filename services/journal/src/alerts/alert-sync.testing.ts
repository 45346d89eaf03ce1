import type { Redis } from 'ioredis';
import { ALERT_SYNC_STREAM, decodeAlertSyncEntry, type AlertSyncEntry } from '@marketswarm/shared/dto';

/** Reads the alert sync stream as the evaluator will: what was appended since the last read. */
export class AlertSyncReader {
  private last = '0-0';

  constructor(private readonly system: Redis) {}

  /** Skips everything appended so far. */
  async skipToEnd(): Promise<void> {
    this.last = (await this.system.xrevrange(ALERT_SYNC_STREAM, '+', '-', 'COUNT', 1))[0]?.[0] ?? '0-0';
  }

  /** The entries appended since the previous call, without their timestamps (checked to be recent). */
  async next(): Promise<Omit<AlertSyncEntry, 'ts'>[]> {
    const entries = await this.system.xrange(ALERT_SYNC_STREAM, `(${this.last}`, '+');
    this.last = entries.at(-1)?.[0] ?? this.last;
    return entries.map(([, fields]) => {
      const { ts, ...entry } = decodeAlertSyncEntry(fields);
      if (Math.abs(Date.now() - ts) > 60_000) throw new Error(`sync entry ts ${ts} is not recent`);
      return entry;
    });
  }
}
