import type { Logger } from 'pino';
import type { Counter } from 'prom-client';
import { MarketClock } from './market-clock.js';
import { ReplaySource } from './replay-source.js';
import type { MassiveSettings } from './settings.js';
import { SimulatorSource } from './simulator-source.js';
import type { TickSource } from './tick-source.js';

/** Picks the tick source named by `settings.source`. A live provider adds one case here. */
export function createTickSource(settings: MassiveSettings, deps: { logger: Logger; badRows: Counter; now: () => number; startPrices?: Record<string, number> }): TickSource {
  switch (settings.source) {
    case 'simulator':
      return new SimulatorSource({
        seed: settings.seed,
        symbols: settings.symbols,
        intervalMs: settings.spotIntervalMs,
        clock: new MarketClock(settings.clock),
        now: deps.now,
        startPrices: deps.startPrices,
      });
    case 'replay': {
      const file = settings.replayFile ?? '';
      return new ReplaySource({
        file,
        speed: settings.replaySpeed,
        onBadRow: (error) => {
          deps.badRows.inc();
          deps.logger.warn({ file, line: error.line }, `replay: skipped line ${error.line}: ${error.message}`);
        },
        onEnd: ({ ticks, badRows, error }) => {
          if (error) deps.logger.error({ file, err: error.message, ticks }, 'replay stopped: the recording could not be read');
          else deps.logger.info({ file, ticks, badRows }, 'replay finished');
        },
      });
    }
  }
}
