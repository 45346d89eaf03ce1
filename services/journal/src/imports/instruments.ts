import type { Instrument } from '@marketswarm/shared/dto';
import { futuresContract, STOCK_MULTIPLIER } from './instrument-multipliers.js';

/** A stock or ETF, under its ticker. */
export function stockInstrument(symbol: string): Instrument {
  return { kind: 'stock', underlying: symbol, symbol, multiplier: STOCK_MULTIPLIER, expiry: null, strike: null, right: null };
}

/** A futures contract (`NQH5`, `/MESZ5`) under `symbol` as given; its root decides the multiplier. */
export function futureInstrument(contract: string, symbol: string, overrides: Readonly<Record<string, string>> = {}): Instrument {
  const { root, multiplier } = futuresContract(contract, overrides);
  return { kind: 'future', underlying: `/${root}`, symbol, multiplier, expiry: null, strike: null, right: null };
}
