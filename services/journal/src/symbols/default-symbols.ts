import type { AssetClass } from '../database/journal-db.js';
import { parseMicros, type Micros } from '../database/money.js';

export interface SymbolSpec {
  /** Upper-case root without a futures slash: SPXW, ES, MES. */
  symbol: string;
  assetClass: AssetClass;
  /** Dollars per point per contract (per share for stock). */
  multiplierMicros: Micros;
  /** Smallest price step. Options list their penny/nickel step; the exchange may allow less on spreads. */
  tickSizeMicros: Micros;
}

const spec = (symbol: string, assetClass: AssetClass, multiplier: string, tick: string): SymbolSpec => ({
  symbol,
  assetClass,
  multiplierMicros: parseMicros(multiplier),
  tickSizeMicros: parseMicros(tick),
});

/**
 * What every user starts with; a user's own row for a symbol replaces the default. Futures options
 * use their future's root (an /MES option is MES with asset class future_option in the execution,
 * and the same multiplier, 5).
 */
export const DEFAULT_SYMBOLS: readonly SymbolSpec[] = [
  spec('SPX', 'index_option', '100', '0.05'),
  spec('SPXW', 'index_option', '100', '0.05'),
  spec('XSP', 'index_option', '100', '0.01'),
  spec('NDX', 'index_option', '100', '0.05'),
  spec('NDXP', 'index_option', '100', '0.05'),
  spec('RUT', 'index_option', '100', '0.05'),
  spec('VIX', 'index_option', '100', '0.05'),
  spec('SPY', 'equity_option', '100', '0.01'),
  spec('QQQ', 'equity_option', '100', '0.01'),
  spec('IWM', 'equity_option', '100', '0.01'),
  spec('ES', 'future', '50', '0.25'),
  spec('MES', 'future', '5', '0.25'),
  spec('NQ', 'future', '20', '0.25'),
  spec('MNQ', 'future', '2', '0.25'),
  spec('RTY', 'future', '50', '0.1'),
  spec('M2K', 'future', '5', '0.1'),
  spec('YM', 'future', '5', '1'),
  spec('MYM', 'future', '0.5', '1'),
  spec('CL', 'future', '1000', '0.01'),
  spec('MCL', 'future', '100', '0.01'),
  spec('GC', 'future', '100', '0.1'),
  spec('MGC', 'future', '10', '0.1'),
];
