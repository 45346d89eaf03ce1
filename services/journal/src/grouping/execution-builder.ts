import { FEE_PER_CONTRACT_SIDE, toMinor } from '@marketswarm/shared/journal';
import type { ExecutionEvent, OptionRight, PositionEffect } from '../database/journal-db.js';
import type { Execution } from '../executions/executions.repository.js';
import type { Instrument } from './trade-book.js';

/**
 * Terse `Execution`s for the grouping specs. Amounts are decimal strings (exact micros through
 * the shared money parser); times are New York wall time in the fixture's week (EST, UTC−5).
 */

export type InstrumentSpec = Omit<Instrument, 'key'>;

/** An option in OCC spelling: `option('SPXW', '2026-11-30', 'C', '6000')` is `SPXW  261130C06000000` on SPX. */
export function option(root: string, expiry: string, right: OptionRight, strike: string, underlying = root === 'SPXW' ? 'SPX' : root): InstrumentSpec {
  const strikeMicros = toMinor(strike);
  const thousandths = String(strikeMicros / 1000).padStart(8, '0');
  const symbol = `${root.padEnd(6, ' ')}${expiry.slice(2, 4)}${expiry.slice(5, 7)}${expiry.slice(8, 10)}${right}${thousandths}`;
  return { instrumentKind: 'option', symbol, underlying, expiry, strikeMicros, optionRight: right, multiplierMicros: toMinor('100') };
}

export function stock(symbol: string): InstrumentSpec {
  return { instrumentKind: 'stock', symbol, underlying: symbol, expiry: null, strikeMicros: null, optionRight: null, multiplierMicros: toMinor('1') };
}

export function future(contract: string, multiplier: string): InstrumentSpec {
  const root = /^(\/[A-Z0-9]+?)[FGHJKMNQUVXZ]\d{1,2}$/.exec(contract)?.[1] ?? contract;
  return { instrumentKind: 'future', symbol: contract, underlying: root, expiry: null, strikeMicros: null, optionRight: null, multiplierMicros: toMinor(multiplier) };
}

/** New York wall time in EST (the fixture's week): `ny('2026-11-30T10:05')`. */
export function ny(local: string): number {
  return Date.parse(`${local.length === 16 ? `${local}:00` : local}-05:00`);
}

export interface FillSpec {
  id: string;
  at: string;
  side: 'buy' | 'sell';
  quantity: string;
  price: string;
  leg: InstrumentSpec;
  effect?: PositionEffect;
  event?: ExecutionEvent;
  combo?: string;
  order?: string;
  account?: string;
  /** Total fees of the row; default the fixture's $0.6625 per contract for a fill ($0.65 commission + $0.0125 regulatory), nothing for an event. */
  commission?: string;
  exchangeFee?: string;
}

export function execution(spec: FillSpec): Execution {
  const quantityMicros = toMinor(spec.quantity);
  const event = spec.event ?? 'fill';
  const contracts = quantityMicros / 1_000_000;
  const commission = spec.commission !== undefined ? toMinor(spec.commission) : event === 'fill' ? contracts * toMinor('0.65') : 0;
  const exchangeFee = spec.exchangeFee !== undefined ? toMinor(spec.exchangeFee) : event === 'fill' ? contracts * (FEE_PER_CONTRACT_SIDE - toMinor('0.65')) : 0;
  return {
    id: spec.id,
    logId: 'log',
    createdAt: 0,
    broker: 'spec',
    sourceFile: 'spec.csv',
    rowHash: `hash-${spec.id}`,
    account: spec.account ?? 'U1',
    orderId: spec.order ?? null,
    comboId: spec.combo ?? null,
    brokerExecutionId: null,
    event,
    executedAt: ny(spec.at),
    executedAtText: spec.at,
    timeZone: 'America/New_York',
    currency: 'USD',
    ...spec.leg,
    side: spec.side,
    positionEffect: spec.effect ?? (event === 'fill' ? 'unknown' : 'close'),
    quantityMicros,
    priceMicros: toMinor(spec.price),
    multiplierMicros: spec.leg.multiplierMicros,
    commissionMicros: commission,
    exchangeFeeMicros: exchangeFee,
    clearingFeeMicros: 0,
  };
}
