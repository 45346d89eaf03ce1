import { randomBytes } from 'node:crypto';
import type { ManualFill } from '@marketswarm/shared/dto';
import type { Execution, NewExecution } from '../executions/executions.repository.js';
import { multiplyMicros, parseMicros, type Micros } from '../database/money.js';
import { equityOptionInstrument } from '../imports/occ-symbol.js';

/** The multiplier of a root when the fill does not state one (the user's symbol table, then its default). */
export type MultiplierOf = (root: string) => Promise<number | undefined>;

/** Where a hand-typed fill says it came from, in exports and on the trade's fills. */
export const MANUAL_BROKER = 'manual';

/**
 * A fill typed by hand as an execution. It gets a random row hash: typing the same fill twice is two
 * fills, unlike a re-imported file. The option symbol is built like the importers' display symbol so
 * a hand-typed close matches an imported open of the same contract.
 */
export async function executionFromManualFill(fill: ManualFill, multiplierOf: MultiplierOf, extra: { account?: string | null; timeZone: string; rowHash?: string }): Promise<NewExecution | string> {
  const { instrument } = fill;
  const underlying = instrument.kind === 'stock' ? instrument.symbol.toUpperCase() : instrument.underlying.toUpperCase();
  // A share is a share: stock needs no symbol entry; an option or future without one has no safe default.
  const multiplier = fill.multiplier ?? (await multiplierOf(underlying.replace(/^\//, ''))) ?? (instrument.kind === 'stock' ? 1 : undefined);
  if (multiplier === undefined) return `instrument.underlying: no multiplier known for ${underlying}; send multiplier or add the symbol in /api/symbols`;
  const option = instrument.kind === 'option' || instrument.kind === 'future_option' ? instrument : undefined;
  // The OCC symbol and underlying an importer gives the same contract (SPXW typed → SPXW's OCC symbol
  // under SPX), so a fill typed by hand meets an imported one in the same leg.
  const occ = option ? equityOptionInstrument({ root: underlying, expiry: option.expiry, right: option.right, strike: String(option.strike) }) : undefined;
  const symbol = occ ? occ.symbol : instrument.kind === 'future' ? instrument.symbol.toUpperCase() : underlying;
  return {
    broker: MANUAL_BROKER,
    sourceFile: 'manual entry',
    // A fill the journal enters itself (an order's) carries a hash of its own source, so entering it twice adds it once.
    rowHash: extra.rowHash ?? randomBytes(32).toString('hex'),
    // An adjustment belongs to the account of the trade it adjusts: grouping keeps accounts apart.
    account: extra.account ?? null,
    orderId: null,
    comboId: null,
    brokerExecutionId: null,
    event: 'fill',
    executedAt: fill.executedAt,
    executedAtText: new Date(fill.executedAt).toISOString(),
    timeZone: extra.timeZone,
    currency: 'USD',
    instrumentKind: instrument.kind,
    symbol,
    underlying: instrument.kind === 'option' && occ ? occ.underlying : underlying,
    expiry: option ? option.expiry : null,
    strikeMicros: option ? parseMicros(String(option.strike)) : null,
    optionRight: option ? option.right : null,
    side: fill.side,
    positionEffect: fill.positionEffect,
    quantityMicros: parseMicros(String(fill.quantity)),
    priceMicros: parseMicros(String(fill.price)),
    multiplierMicros: parseMicros(String(multiplier)),
    commissionMicros: parseMicros(String(fill.commission)),
    exchangeFeeMicros: parseMicros(String(fill.exchangeFee)),
    clearingFeeMicros: parseMicros(String(fill.clearingFee)),
  };
}

/**
 * A fill closing what is open of one leg, typed by hand: the very instrument of the fill that opened
 * it (its symbol and underlying as the broker wrote them, so grouping matches it), the other side.
 * `commissionMicros` is per contract.
 */
export function closingFillFor(opening: Execution, close: { quantityMicros: Micros; priceMicros: Micros; at: number; commissionMicros: Micros; timeZone: string }): NewExecution {
  return {
    broker: MANUAL_BROKER,
    sourceFile: 'manual close',
    rowHash: randomBytes(32).toString('hex'),
    account: opening.account,
    orderId: null,
    comboId: null,
    brokerExecutionId: null,
    event: 'fill',
    executedAt: close.at,
    executedAtText: new Date(close.at).toISOString(),
    timeZone: close.timeZone,
    currency: opening.currency,
    instrumentKind: opening.instrumentKind,
    symbol: opening.symbol,
    underlying: opening.underlying,
    expiry: opening.expiry,
    strikeMicros: opening.strikeMicros,
    optionRight: opening.optionRight,
    side: opening.side === 'buy' ? 'sell' : 'buy',
    positionEffect: 'close',
    quantityMicros: close.quantityMicros,
    priceMicros: close.priceMicros,
    multiplierMicros: opening.multiplierMicros,
    commissionMicros: multiplyMicros(close.commissionMicros, close.quantityMicros),
    exchangeFeeMicros: 0,
    clearingFeeMicros: 0,
  };
}
