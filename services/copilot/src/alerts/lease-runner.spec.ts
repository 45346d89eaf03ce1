import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { LeaseRunner, type Lease, type LeaseHolder } from './lease-runner.js';

/** A lease that is always ours: what matters is whether the runner renews it. */
class CountingLease implements Lease {
  renewals = 0;
  acquire(): Promise<boolean> {
    return Promise.resolve(true);
  }
  renew(): Promise<boolean> {
    this.renewals++;
    return Promise.resolve(true);
  }
}

class SlowHolder implements LeaseHolder {
  leading = false;
  takeovers = 0;
  renewedDuringTakeover = 0;
  lost: string[] = [];
  private resuming = false;
  finish: () => void = () => undefined;
  isLeader(): boolean {
    return this.leading;
  }
  takeOver(): void {
    this.leading = true;
    this.takeovers++;
    this.resuming = true;
    // A resume that ends only when the spec says so: longer than any lease.
    void new Promise<void>((resolve) => (this.finish = resolve)).then(() => (this.resuming = false));
  }
  stepDown(reason: string): void {
    this.leading = false;
    this.lost.push(reason);
  }
  renewed(): void {
    if (this.resuming) this.renewedDuringTakeover++;
  }
}

const until = async (probe: () => boolean) => {
  while (!probe()) await new Promise((r) => setTimeout(r, 1));
};

describe(LeaseRunner.name, () => {
  it('keeps renewing the lease while a takeover is still resuming', async () => {
    const lease = new CountingLease();
    const holder = new SlowHolder();
    const runner = new LeaseRunner(lease, holder, 1, pino({ level: 'silent' }));
    runner.start();
    await until(() => holder.renewedDuringTakeover >= 3);
    holder.finish();
    runner.stop();
    expect(holder.takeovers).toBe(1);
    expect(holder.lost).toEqual([]);
  });

  it('steps the holder down when the lease is no longer its own', async () => {
    const holder = new SlowHolder();
    let renewals = 0;
    const lease: Lease = { acquire: () => Promise.resolve(renewals === 0), renew: () => Promise.resolve(++renewals < 2) };
    const runner = new LeaseRunner(lease, holder, 1, pino({ level: 'silent' }));
    runner.start();
    await until(() => holder.lost.length > 0);
    runner.stop();
    expect(holder.lost).toEqual(['lease lost']);
    expect(holder.takeovers).toBe(1);
  });
});
