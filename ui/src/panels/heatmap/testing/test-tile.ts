import { tileKey, type HeatmapTile, type TileStrategy } from '@marketswarm/shared/models';

/** Expiry of every test tile: 2 Jan 2026, 16:00 New York. */
export const TEST_EXPIRY = Date.UTC(2026, 0, 2, 21);

/**
 * A tile as the producer publishes it, written out so the UI specs pin what they show and do not
 * depend on the model's pricing: a debit trade risks its debit and can make width − debit (a single
 * call is unbounded); a credit (negative `debit`) risks width − credit and makes the credit.
 */
export function testTile(strategy: TileStrategy, dte: number, width: number, strike: number, debit: number, extra: Partial<HeatmapTile> = {}): HeatmapTile {
  const credit = debit < 0;
  const maxProfit = strategy === 'single-call' ? null : credit ? -debit : strategy === 'single-put' ? strike - debit : width - debit;
  const maxLoss = credit ? width + debit : debit;
  const round = (x: number): number => Math.round(x * 1e4) / 1e4;
  return {
    key: tileKey(strategy, dte, width, strike),
    strategy,
    dte,
    expiry: TEST_EXPIRY,
    width,
    strike,
    debit,
    maxProfit: maxProfit === null ? null : round(maxProfit),
    maxLoss: round(maxLoss),
    rewardRisk: maxProfit === null ? null : round(maxProfit / maxLoss),
    ...extra,
  };
}
