import type { ImportSkippedRow, JournalExecution } from '@marketswarm/shared/dto';
import type { ImportResult } from '../imports/index.js';
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

/**
 * An import's executions as the fills to store, oldest first (a file listing newest first is read
 * backwards, so fills sharing one time keep their real order), and the rows that cannot be stored
 * (a strike or quantity finer than a micro), listed as skipped with their line.
 */
export function fillsFromImport(result: Pick<ImportResult, 'executions' | 'newestFirst'>, sourceFile: string): { fills: NewExecution[]; skipped: ImportSkippedRow[] } {
  const fills: NewExecution[] = [];
  const skipped: ImportSkippedRow[] = [];
  const chronological = result.newestFirst ? [...result.executions].reverse() : result.executions;
  for (const execution of chronological) {
    try {
      fills.push(executionFromImport(execution, sourceFile));
    } catch (error) {
      skipped.push({ line: execution.line, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return { fills, skipped };
}
