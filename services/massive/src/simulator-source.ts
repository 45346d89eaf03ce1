import type { MarketClock } from './market-clock.js';
import { Prng } from './prng.js';
import { TickProcess } from './tick-process.js';
import type { Tick, TickSource } from './tick-source.js';

export interface SimulatorOptions {
  seed: number;
  symbols: readonly string[];
  intervalMs: number;
  clock: MarketClock;
  now: () => number;
  /** Where to start (e.g. the last published prices after a restart); SPY/QQQ/VIX are derived. */
  startPrices?: Readonly<Record<string, number>>;
}

/** Ticks from the seeded stochastic-volatility process, one per symbol every interval while the market is open. */
export class SimulatorSource implements TickSource {
  readonly name = 'simulator';
  private readonly process: TickProcess;
  private readonly sizes: Prng;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: SimulatorOptions) {
    this.process = new TickProcess({ seed: options.seed, symbols: options.symbols, startPrices: options.startPrices });
    this.sizes = new Prng(options.seed ^ 0x5eed);
  }

  /** Where the next step starts from: the price a backfilled history ends at, so the live ticks continue it. */
  prices(): Map<string, number> {
    return this.process.prices();
  }

  start(onTick: (tick: Tick) => void): void {
    this.timer = setInterval(() => {
      for (const tick of this.next()) onTick(tick);
    }, this.options.intervalMs);
  }

  /** One step at the current time: the ticks it produced (none while the market is closed). */
  next(): Tick[] {
    const ts = this.options.now();
    if (!this.options.clock.isOpen(ts)) return [];
    const prices = this.process.step(this.options.intervalMs / 1000);
    return [...prices].map(([symbol, price]) => ({ symbol, price, size: 1 + Math.floor(this.sizes.next() * 20), ts }));
  }

  stop(): Promise<void> {
    clearInterval(this.timer);
    return Promise.resolve();
  }
}
