import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Micros } from './money.js';

/**
 * The journal's tables as Kysely sees them. Portable types only, so one migration serves SQLite and
 * PostgreSQL: ids are text UUIDs, every decimal is a BIGINT of micros (see money.ts), every instant
 * is a BIGINT of UTC epoch milliseconds, flags are 0/1 integers and JSON is text. Both drivers hand
 * BIGINT back as a safe-integer number (see create-journal-database.ts).
 */
export interface JournalDb {
  trade_logs: TradeLogsTable;
  symbols: SymbolsTable;
  tags: TagsTable;
  settings: SettingsTable;
  executions: ExecutionsTable;
  trades: TradesTable;
  trade_legs: TradeLegsTable;
  trade_leg_executions: TradeLegExecutionsTable;
  trade_tags: TradeTagsTable;
}

/** Epoch milliseconds, UTC. */
export type EpochMs = number;
/** 0 or 1: SQLite has no boolean, and better-sqlite3 cannot bind one. */
export type Flag = 0 | 1;

export type InstrumentKind = 'stock' | 'option' | 'future' | 'future_option';
/** As the importers write it (OCC's letter). */
export type OptionRight = 'C' | 'P';
export type ExecutionSide = 'buy' | 'sell';
export type PositionEffect = 'open' | 'close' | 'unknown';
export type ExecutionEvent = 'fill' | 'expiration' | 'assignment' | 'exercise';
export type AssetClass = 'stock' | 'index_option' | 'equity_option' | 'future' | 'future_option';

export interface TradeLogsTable {
  id: string;
  user_id: string;
  name: string;
  /** ISO 4217; the currency of every amount in the log. */
  currency: string;
  starting_capital_micros: Micros;
  is_default: Flag;
  archived_at: EpochMs | null;
  created_at: EpochMs;
  updated_at: EpochMs;
}

/** A user's own contract specs; the built-in defaults (default-symbols.ts) apply where no row exists. */
export interface SymbolsTable {
  user_id: string;
  symbol: string;
  asset_class: AssetClass;
  multiplier_micros: Micros;
  tick_size_micros: Micros;
  updated_at: EpochMs;
}

export interface TagsTable {
  id: string;
  user_id: string;
  name: string;
  created_at: EpochMs;
}

export interface SettingsTable {
  user_id: string;
  key: string;
  /** JSON text. */
  value: string;
  updated_at: EpochMs;
}

/** One broker fill as exported; never updated. Re-importing a row finds the same row_hash and adds nothing. */
export interface ExecutionsTable {
  id: string;
  user_id: string;
  log_id: string;
  broker: string;
  source_file: string;
  row_hash: string;
  account: string | null;
  order_id: string | null;
  /** The broker's spread/combo id (thinkorswim Spread, IBKR combo, tastytrade Order #). */
  combo_id: string | null;
  /** A fill, or a position the broker removed at expiration, assignment or exercise. */
  event: ExecutionEvent;
  /** The broker's id of this very fill (IBKR ibExecID, Tradovate fill id), when the export has one. */
  broker_execution_id: string | null;
  executed_at: EpochMs;
  /** The time as the broker wrote it, kept for audit, and the zone it was read in (IANA name or offset). */
  executed_at_text: string;
  time_zone: string;
  currency: string;
  instrument_kind: InstrumentKind;
  /** The instrument as the broker names it: ticker, futures contract (/CLJ4) or OCC option symbol. */
  symbol: string;
  /** The stock, index or futures root it derives from (NVDA, SPX, /MESU4). */
  underlying: string;
  /** YYYY-MM-DD for options and futures options. */
  expiry: string | null;
  strike_micros: Micros | null;
  option_right: OptionRight | null;
  side: ExecutionSide;
  position_effect: PositionEffect;
  quantity_micros: Micros;
  /** Per share or per point, before the multiplier. */
  price_micros: Micros;
  multiplier_micros: Micros;
  /** Fees are costs (positive); a rebate is negative. */
  commission_micros: Micros;
  exchange_fee_micros: Micros;
  clearing_fee_micros: Micros;
  created_at: EpochMs;
}

export type TradeStatus = 'open' | 'closed';

export interface TradesTable {
  id: string;
  user_id: string;
  log_id: string;
  symbol: string;
  strategy: string;
  side: string;
  quantity_micros: Micros;
  opened_at: EpochMs;
  closed_at: EpochMs | null;
  status: TradeStatus;
  gross_micros: Micros;
  fees_micros: Micros;
  net_micros: Micros;
  /** Defined risk (max loss of a spread, or stop-based); null when unknown. */
  risk_micros: Micros | null;
  notes: string;
  /** JSON text of the market at entry, or null when it was not known. */
  market_at_entry: string | null;
  /** The id of the execution that opened the trade: its identity when a later import regroups the log. Null for rows not built by grouping. */
  group_key: string | null;
  /** Digest of the legs and fills the trade was built from; unchanged means nothing to rewrite. */
  group_hash: string | null;
  /** The risk grouping computed; `risk_micros` differing from it is the trader's own and is kept. */
  computed_risk_micros: Micros | null;
  created_at: EpochMs;
  updated_at: EpochMs;
}

export interface TradeLegsTable {
  id: string;
  trade_id: string;
  user_id: string;
  leg_index: number;
  instrument_kind: InstrumentKind;
  symbol: string;
  expiry: string | null;
  strike_micros: Micros | null;
  option_right: OptionRight | null;
  side: ExecutionSide;
  quantity_micros: Micros;
  open_price_micros: Micros;
  close_price_micros: Micros | null;
  multiplier_micros: Micros;
}

/** Which part of which fill a leg used: one execution can feed two trades (a flip, a FIFO split). */
export interface TradeLegExecutionsTable {
  leg_id: string;
  execution_id: string;
  user_id: string;
  quantity_micros: Micros;
}

export interface TradeTagsTable {
  trade_id: string;
  tag_id: string;
  user_id: string;
}

export type TradeLogRow = Selectable<TradeLogsTable>;
export type NewTradeLogRow = Insertable<TradeLogsTable>;
export type TradeLogUpdate = Updateable<TradeLogsTable>;
export type SymbolRow = Selectable<SymbolsTable>;
export type TagRow = Selectable<TagsTable>;
export type SettingRow = Selectable<SettingsTable>;
export type ExecutionRow = Selectable<ExecutionsTable>;
export type NewExecutionRow = Insertable<ExecutionsTable>;
export type TradeRow = Selectable<TradesTable>;
export type NewTradeRow = Insertable<TradesTable>;
export type TradeLegRow = Selectable<TradeLegsTable>;
