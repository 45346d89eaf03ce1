import type { StrategyFamily, TileStrategy } from '@marketswarm/shared/models';

export type TileFamily = StrategyFamily;

/** The strategies a key alone spells out; a broken-wing fly's far wing is not in its key, so it needs its tile. */
type KeyStrategy = Exclude<TileStrategy, 'bwb-call' | 'bwb-put'>;

/** A heatmap tile key (`strategy:dte:width:strike`) spelled out for a trader. */
export interface TileDescription {
  strategy: KeyStrategy;
  family: TileFamily;
  /** undefined for the iron fly, which is both. */
  side: 'call' | 'put' | undefined;
  dte: number;
  width: number;
  strike: number;
  /** `5010 ±10` (butterfly, iron fly), `5010/5020` (vertical: long/short), `5010` (single). */
  strikes: string;
  /** `0DTE`, `3DTE`. */
  expiry: string;
  /** e.g. `Butterfly call 5010 ±10 · 0DTE`. */
  label: string;
}

const STRATEGIES: Readonly<Record<KeyStrategy, { family: TileFamily; side: 'call' | 'put' | undefined; name: string }>> = {
  'butterfly-call': { family: 'butterfly', side: 'call', name: 'Butterfly call' },
  'butterfly-put': { family: 'butterfly', side: 'put', name: 'Butterfly put' },
  'vertical-call': { family: 'vertical', side: 'call', name: 'Vertical call' },
  'vertical-put': { family: 'vertical', side: 'put', name: 'Vertical put' },
  'single-call': { family: 'single', side: 'call', name: 'Long call' },
  'single-put': { family: 'single', side: 'put', name: 'Long put' },
  'iron-fly': { family: 'iron-fly', side: undefined, name: 'Iron fly' },
};

const isStrategy = (s: string): s is KeyStrategy => Object.hasOwn(STRATEGIES, s);

const INTEGER = /^\d{1,4}$/;
const DECIMAL = /^\d{1,9}(?:\.\d{1,4})?$/;

/** A strike without float noise or trailing zeros: 5010, 5012.5. */
const formatStrike = (n: number): string => String(Math.round(n * 1e4) / 1e4);

/**
 * Parses `strategy:dte:width:strike` (e.g. `butterfly-call:0:10:5010`); undefined when the key is
 * not one the heatmap makes (unknown strategy, bad numbers, a spread without width).
 */
export function describeTileKey(key: string): TileDescription | undefined {
  const parts = key.split(':');
  if (parts.length !== 4) return undefined;
  const [s = '', d = '', w = '', k = ''] = parts;
  if (!isStrategy(s) || !INTEGER.test(d) || !DECIMAL.test(w) || !DECIMAL.test(k)) return undefined;
  const { family, side, name } = STRATEGIES[s];
  const dte = Number(d);
  const width = Number(w);
  const strike = Number(k);
  if (!(strike > 0)) return undefined;
  if (family !== 'single' && !(width > 0)) return undefined;
  let strikes: string;
  switch (s) {
    case 'butterfly-call':
    case 'butterfly-put':
    case 'iron-fly':
      strikes = `${formatStrike(strike)} ±${formatStrike(width)}`;
      break;
    case 'vertical-call':
      strikes = `${formatStrike(strike)}/${formatStrike(strike + width)}`;
      break;
    case 'vertical-put':
      if (!(strike - width > 0)) return undefined;
      strikes = `${formatStrike(strike)}/${formatStrike(strike - width)}`;
      break;
    case 'single-call':
    case 'single-put':
      strikes = formatStrike(strike);
      break;
  }
  const expiry = `${dte}DTE`;
  return { strategy: s, family, side, dte, width, strike, strikes, expiry, label: `${name} ${strikes} · ${expiry}` };
}
