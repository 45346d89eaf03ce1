import { formatMicros } from '../database/money.js';
import type { Trade, TradeLeg } from '../trades/trades.repository.js';
import { DEFAULT_EXPORT_TIME_ZONE, type ExportColumn, type ExportOptions } from './export-column.js';
import { isoLocal, isoUtc } from './export-time.js';

/** A leg with the trade it belongs to: one row of the XLSX legs sheet. */
export interface TradeLegRow {
  trade: Trade;
  leg: TradeLeg;
}

/** "buy 1 SPXW 2026-12-18 5900C @ 1.25 / 0.5": side first, so the cell never starts with a sign. */
export function describeLeg(leg: TradeLeg): string {
  const contract = [leg.symbol, leg.expiry, leg.strikeMicros === null ? null : `${formatMicros(leg.strikeMicros)}${leg.optionRight ?? ''}`].filter((part) => part !== null).join(' ');
  const prices = leg.closePriceMicros === null ? formatMicros(leg.openPriceMicros) : `${formatMicros(leg.openPriceMicros)} / ${formatMicros(leg.closePriceMicros)}`;
  return `${leg.side} ${formatMicros(leg.quantityMicros)} ${contract} @ ${prices}`;
}

/**
 * One row per trade. `legs` describes every leg in one cell (open / close price per unit) so the
 * CSV stays one row per trade; the XLSX also carries a legs sheet with one row per leg.
 */
export function tradeColumns(options: ExportOptions = {}): ExportColumn<Trade>[] {
  const zone = options.timeZone ?? DEFAULT_EXPORT_TIME_ZONE;
  const tagName = (id: string): string => options.tagNames?.get(id) ?? id;
  return [
    { key: 'id', kind: 'text', value: (t) => t.id },
    { key: 'log_id', kind: 'text', value: (t) => t.logId },
    { key: 'symbol', kind: 'text', value: (t) => t.symbol },
    { key: 'strategy', kind: 'text', value: (t) => t.strategy },
    { key: 'side', kind: 'text', value: (t) => t.side },
    { key: 'status', kind: 'text', value: (t) => t.status },
    { key: 'quantity', kind: 'decimal', value: (t) => t.quantityMicros },
    { key: 'opened_at_utc', kind: 'text', value: (t) => isoUtc(t.openedAt) },
    { key: 'opened_at_local', kind: 'text', value: (t) => isoLocal(t.openedAt, zone) },
    { key: 'closed_at_utc', kind: 'text', value: (t) => (t.closedAt === null ? null : isoUtc(t.closedAt)) },
    { key: 'closed_at_local', kind: 'text', value: (t) => (t.closedAt === null ? null : isoLocal(t.closedAt, zone)) },
    { key: 'local_time_zone', kind: 'text', value: () => zone },
    { key: 'gross', kind: 'money', value: (t) => t.grossMicros },
    { key: 'fees', kind: 'money', value: (t) => t.feesMicros },
    { key: 'net', kind: 'money', value: (t) => t.netMicros },
    { key: 'risk', kind: 'money', value: (t) => t.riskMicros },
    { key: 'tags', kind: 'text', value: (t) => t.tagIds.map(tagName).join('; ') },
    { key: 'notes', kind: 'text', value: (t) => t.notes },
    { key: 'leg_count', kind: 'integer', value: (t) => t.legs.length },
    { key: 'legs', kind: 'text', value: (t) => t.legs.map(describeLeg).join('; ') },
    { key: 'market_at_entry', kind: 'text', value: (t) => (t.marketAtEntry === null || t.marketAtEntry === undefined ? null : JSON.stringify(t.marketAtEntry)) },
  ];
}

/** The XLSX legs sheet: one row per leg, keyed by trade_id and leg_index. */
export function tradeLegColumns(): ExportColumn<TradeLegRow>[] {
  return [
    { key: 'trade_id', kind: 'text', value: (r) => r.trade.id },
    { key: 'leg_index', kind: 'integer', value: (r) => r.leg.legIndex },
    { key: 'instrument_kind', kind: 'text', value: (r) => r.leg.instrumentKind },
    { key: 'symbol', kind: 'text', value: (r) => r.leg.symbol },
    { key: 'expiry', kind: 'text', value: (r) => r.leg.expiry },
    { key: 'strike', kind: 'decimal', value: (r) => r.leg.strikeMicros },
    { key: 'option_right', kind: 'text', value: (r) => r.leg.optionRight },
    { key: 'side', kind: 'text', value: (r) => r.leg.side },
    { key: 'quantity', kind: 'decimal', value: (r) => r.leg.quantityMicros },
    { key: 'open_price', kind: 'money', value: (r) => r.leg.openPriceMicros },
    { key: 'close_price', kind: 'money', value: (r) => r.leg.closePriceMicros },
    { key: 'multiplier', kind: 'decimal', value: (r) => r.leg.multiplierMicros },
    { key: 'execution_ids', kind: 'text', value: (r) => r.leg.fills.map((f) => f.executionId).join(' ') },
  ];
}

export function legRows(trades: readonly Trade[]): TradeLegRow[] {
  return trades.flatMap((trade) => trade.legs.map((leg) => ({ trade, leg })));
}
