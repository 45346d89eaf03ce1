import { addMicros } from '../database/money.js';
import type { Execution } from '../executions/executions.repository.js';
import { DEFAULT_EXPORT_TIME_ZONE, type ExportColumn, type ExportOptions } from './export-column.js';
import { isoLocal, isoUtc } from './export-time.js';

/**
 * One row per fill, as imported: the instant in UTC and in the exchange's zone, plus the time as
 * the broker wrote it and the zone it was read in (`broker_time`, `broker_time_zone`) for audit.
 */
export function executionColumns(options: ExportOptions = {}): ExportColumn<Execution>[] {
  const zone = options.timeZone ?? DEFAULT_EXPORT_TIME_ZONE;
  return [
    { key: 'id', kind: 'text', value: (e) => e.id },
    { key: 'log_id', kind: 'text', value: (e) => e.logId },
    { key: 'broker', kind: 'text', value: (e) => e.broker },
    { key: 'source_file', kind: 'text', value: (e) => e.sourceFile },
    { key: 'account', kind: 'text', value: (e) => e.account },
    { key: 'order_id', kind: 'text', value: (e) => e.orderId },
    { key: 'combo_id', kind: 'text', value: (e) => e.comboId },
    { key: 'broker_execution_id', kind: 'text', value: (e) => e.brokerExecutionId },
    { key: 'event', kind: 'text', value: (e) => e.event },
    { key: 'executed_at_utc', kind: 'text', value: (e) => isoUtc(e.executedAt) },
    { key: 'executed_at_local', kind: 'text', value: (e) => isoLocal(e.executedAt, zone) },
    { key: 'local_time_zone', kind: 'text', value: () => zone },
    { key: 'broker_time', kind: 'text', value: (e) => e.executedAtText },
    { key: 'broker_time_zone', kind: 'text', value: (e) => e.timeZone },
    { key: 'instrument_kind', kind: 'text', value: (e) => e.instrumentKind },
    { key: 'symbol', kind: 'text', value: (e) => e.symbol },
    { key: 'underlying', kind: 'text', value: (e) => e.underlying },
    { key: 'expiry', kind: 'text', value: (e) => e.expiry },
    { key: 'strike', kind: 'decimal', value: (e) => e.strikeMicros },
    { key: 'option_right', kind: 'text', value: (e) => e.optionRight },
    { key: 'side', kind: 'text', value: (e) => e.side },
    { key: 'position_effect', kind: 'text', value: (e) => e.positionEffect },
    { key: 'quantity', kind: 'decimal', value: (e) => e.quantityMicros },
    { key: 'price', kind: 'money', value: (e) => e.priceMicros },
    { key: 'multiplier', kind: 'decimal', value: (e) => e.multiplierMicros },
    { key: 'commission', kind: 'money', value: (e) => e.commissionMicros },
    { key: 'exchange_fee', kind: 'money', value: (e) => e.exchangeFeeMicros },
    { key: 'clearing_fee', kind: 'money', value: (e) => e.clearingFeeMicros },
    { key: 'total_fees', kind: 'money', value: (e) => addMicros(e.commissionMicros, e.exchangeFeeMicros, e.clearingFeeMicros) },
    { key: 'currency', kind: 'text', value: (e) => e.currency },
    { key: 'row_hash', kind: 'text', value: (e) => e.rowHash },
  ];
}
