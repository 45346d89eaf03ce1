import type { JournalExecution } from '@marketswarm/shared/dto';
import type { NewExecution } from '../executions/executions.repository.js';
import { parseMicros, parseMicrosRounded } from '../database/money.js';

/**
 * An importer's execution (decimal strings, checked by the shared schema) in storage terms. Strikes,
 * quantities and multipliers are parsed exactly (a finer one is refused: it is not a real contract);
 * prices and fees are rounded to the micro when a broker reports more decimals (IBKR's commissions
 * carry seven), an error under half a millionth of a dollar per unit. `sourceFile` is the uploaded name.
 */
export function executionFromImport(e: JournalExecution, sourceFile: string): NewExecution {
  const { instrument } = e;
  return {
    broker: e.broker,
    sourceFile,
    rowHash: e.rowHash,
    account: e.account,
    orderId: e.orderId,
    comboId: e.comboId,
    brokerExecutionId: e.executionId,
    event: e.event,
    executedAt: e.executedAt,
    executedAtText: e.localTime,
    timeZone: e.timeZone,
    currency: e.currency,
    instrumentKind: instrument.kind,
    symbol: instrument.symbol,
    underlying: instrument.underlying,
    expiry: instrument.expiry,
    strikeMicros: instrument.strike === null ? null : parseMicros(instrument.strike),
    optionRight: instrument.right,
    side: e.side,
    positionEffect: e.positionEffect,
    quantityMicros: parseMicros(e.quantity),
    priceMicros: parseMicrosRounded(e.price),
    multiplierMicros: parseMicros(instrument.multiplier),
    commissionMicros: parseMicrosRounded(e.fees.commission),
    exchangeFeeMicros: parseMicrosRounded(e.fees.exchangeFee),
    clearingFeeMicros: parseMicrosRounded(e.fees.clearingFee),
  };
}
