import type { Instrument, OptionRight } from '@marketswarm/shared/dto';
import { INDEX_OPTION_ROOTS } from '@marketswarm/shared/models';
import { isoDate } from './date-formats.js';
import { parseDecimal } from './decimal.js';
import { EQUITY_OPTION_MULTIPLIER } from './instrument-multipliers.js';
import { RowError } from './import-result.js';
import { isValidWallClock } from './local-time.js';

/**
 * The OCC option symbol (root padded to 6, YYMMDD, C/P, strike × 1000 in 8 digits):
 * `SPX   260325P06535000`. One spelling for an option whichever export it came from.
 */
export function occSymbol(root: string, expiry: string, right: OptionRight, strike: string): string {
  const [whole = '0', fraction = ''] = strike.split('.');
  const thousandths = `${whole}${fraction.padEnd(3, '0').slice(0, 3)}`.replace(/^0+(?=\d)/, '');
  return `${root.toUpperCase().padEnd(6, ' ')}${expiry.slice(2, 4)}${expiry.slice(5, 7)}${expiry.slice(8, 10)}${right}${thousandths.padStart(8, '0')}`;
}

/** An option contract as its symbol names it: the root (`SPXW`), not always the underlying (`SPX`). */
export interface OptionContract {
  root: string;
  expiry: string;
  right: OptionRight;
  strike: string;
}


function contract(root: string, year: number, month: number, day: number, right: string, strikeText: string): OptionContract | null {
  const strike = parseDecimal(strikeText);
  if (!isValidWallClock({ year, month, day, hour: 0, minute: 0, second: 0 }) || strike === null || strike === '0' || strike.startsWith('-')) return null;
  return { root: root.toUpperCase(), expiry: isoDate({ year, month, day }), right: right.toUpperCase().startsWith('C') ? 'C' : 'P', strike };
}

/**
 * Compact OCC-like symbols: OCC itself, padded or not (`SPXW  251219C06000000`, Webull's
 * `SPXW251219C06000000`), and the plain-strike forms (Fidelity's `-SPXW251219C6000`, TradeStation's
 * `SPXW 251219C6000`). Eight strike digits without a point are OCC's strike × 1000.
 */
function compact(text: string): OptionContract | null {
  const match = /^-?([A-Z][A-Z0-9.]{0,5})\s*(\d{2})(\d{2})(\d{2})([CP])(\d+(?:\.\d+)?)$/.exec(text);
  if (!match) return null;
  const [, root = '', yy, mm, dd, right = '', strike = ''] = match;
  const occStrike = /^\d{8}$/.test(strike) ? `${strike.slice(0, 5)}.${strike.slice(5)}` : strike;
  return contract(root, 2000 + Number(yy), Number(mm), Number(dd), right, occStrike);
}

/** Schwab's `SPXW 12/19/2025 6000.00 C`. */
function schwabStyle(text: string): OptionContract | null {
  const match = /^([A-Z][A-Z0-9.]*) (\d{1,2})\/(\d{1,2})\/(\d{4}) ([\d,]+(?:\.\d+)?) ([CP])$/.exec(text);
  if (!match) return null;
  const [, root = '', mm, dd, yyyy, strike = '', right = ''] = match;
  return contract(root, Number(yyyy), Number(mm), Number(dd), right, strike);
}

/** E*TRADE's option description `PUT SPY 12/19/25 670.000` (trailing words allowed). */
function rightFirstStyle(text: string): OptionContract | null {
  const match = /^(CALL|PUT) ([A-Z][A-Z0-9.]*) (\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4}) ([\d,]+(?:\.\d+)?)(?: |$)/.exec(text);
  if (!match) return null;
  const [, right = '', root = '', mm, dd, year = '', strike = ''] = match;
  return contract(root, year.length === 2 ? 2000 + Number(year) : Number(year), Number(mm), Number(dd), right, strike);
}

/** An option symbol in any spelling above; null when the text is not one (a stock ticker). */
export function parseOptionSymbol(text: string): OptionContract | null {
  const symbol = text.trim().replace(/\s+/g, ' ').toUpperCase();
  return compact(symbol) ?? schwabStyle(symbol) ?? rightFirstStyle(symbol);
}

/** A stock, ETF or index option on 100 shares (or $100 a point), under the OCC symbol. */
export function equityOptionInstrument({ root, expiry, right, strike }: OptionContract): Instrument {
  return { kind: 'option', underlying: INDEX_OPTION_ROOTS[root] ?? root, symbol: occSymbol(root, expiry, right, strike), multiplier: EQUITY_OPTION_MULTIPLIER, expiry, strike, right };
}

/** The option a symbol names, or a row error naming the column. */
export function optionFromSymbol(text: string, column: string): Instrument {
  const parsed = parseOptionSymbol(text);
  if (!parsed) throw new RowError(`bad ${column} "${text}": not an option symbol`);
  return equityOptionInstrument(parsed);
}
