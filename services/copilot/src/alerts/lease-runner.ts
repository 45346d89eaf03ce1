import type { Logger } from 'pino';

/** The lease as the runner uses it (EngineLease in system Redis). */
export interface Lease {
  acquire(): Promise<boolean>;
  renew(): Promise<boolean>;
}

/** What holds the lease: the engine, which may also step down on its own (a fenced commit failed, its resume failed). */
export interface LeaseHolder {
  isLeader(): boolean;
  /** Starts resuming from the shared state; not awaited, so renewals go on however long it takes. */
  takeOver(): void;
  stepDown(reason: string): void;
  /** The lease was renewed: time for the holder's periodic work (outbox drain, full reload), queued, not awaited. */
  renewed(): void;
}

/**
 * Renews or tries the lease every `intervalMs`, on its own timer: a takeover (outbox drain, the full
 * load of every alert) or a slow batch never delays a renewal, so a leader cannot lose its lease
 * merely because resuming took longer than the lease lives.
 */
export class LeaseRunner {
  private timer: NodeJS.Timeout | undefined;
  private stopped = true;

  constructor(
    private readonly lease: Lease,
    private readonly holder: LeaseHolder,
    private readonly intervalMs: number,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.stopped = false;
    void this.check();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private async check(): Promise<void> {
    if (this.stopped) return;
    try {
      if (this.holder.isLeader()) {
        if (await this.lease.renew()) this.holder.renewed();
        else this.holder.stepDown('lease lost');
      } else if ((await this.lease.acquire()) && !this.stopped) this.holder.takeOver();
    } catch (error) {
      this.logger.error({ err: error }, 'alert engine lease check failed');
      if (this.holder.isLeader()) this.holder.stepDown('lease check failed');
    }
    if (!this.stopped) this.timer = setTimeout(() => void this.check(), this.intervalMs);
  }
}
