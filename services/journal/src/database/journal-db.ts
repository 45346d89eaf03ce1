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
  saved_positions: SavedPositionsTable;
  playbook_groups: PlaybookGroupsTable;
  playbook_entries: PlaybookEntriesTable;
  playbook_checks: PlaybookChecksTable;
  playbook_missed: PlaybookMissedTable;
  orders: OrdersTable;
  order_fills: OrderFillsTable;
  leaderboard_profiles: LeaderboardProfilesTable;
  import_mappings: ImportMappingsTable;
  journal_entries: JournalEntriesTable;
  journal_entry_trades: JournalEntryTradesTable;
  retrospectives: RetrospectivesTable;
  retrospective_trades: RetrospectiveTradesTable;
  journal_attachments: JournalAttachmentsTable;
  alerts: AlertsTable;
  alert_hits: AlertHitsTable;
  alert_hit_receipts: AlertHitReceiptsTable;
  prompt_alerts: PromptAlertsTable;
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

/** A generic CSV column mapping saved by name (`mapping` is its JSON). */
export interface ImportMappingsTable {
  id: string;
  user_id: string;
  name: string;
  mapping: string;
  created_at: EpochMs;
  updated_at: EpochMs;
}

/** A simulated limit order on an option spread (`/api/orders`); `legs` is JSON text of the order's legs. */
export interface OrdersTable {
  id: string;
  user_id: string;
  log_id: string;
  symbol: string;
  legs: string;
  quantity: number;
  /** Per spread, signed: positive pays a debit, negative receives a credit. */
  limit_price_micros: Micros;
  source_kind: 'tile' | 'position' | null;
  source_ref: string | null;
  status: 'working' | 'filled' | 'cancelled' | 'expired';
  reason: string | null;
  created_at: EpochMs;
  expires_at: EpochMs;
  closed_at: EpochMs | null;
}

export interface OrderFillsTable {
  order_id: string;
  user_id: string;
  price_micros: Micros;
  priced_from: 'legs' | 'tile';
  filled_at: EpochMs;
  trade_id: string | null;
  /** When the fill's announcement reached the alert sync stream; null until then (the worker's sweep retries it). */
  announced_at: EpochMs | null;
}

export interface LeaderboardProfilesTable {
  user_id: string;
  display_name: string;
  display_name_key: string;
  opt_in: Flag;
  created_at: EpochMs;
  updated_at: EpochMs;
}

export type OrderRow = Selectable<OrdersTable>;
export type OrderFillRow = Selectable<OrderFillsTable>;
export type LeaderboardProfileRow = Selectable<LeaderboardProfilesTable>;

/** A group of playbook entries (entry rules, exit rules, market conditions), ordered by position within its kind. */
export interface PlaybookGroupsTable {
  id: string;
  user_id: string;
  name: string;
  kind: 'entry' | 'exit' | 'market-conditions';
  position: number;
  created_at: EpochMs;
  updated_at: EpochMs;
}

export interface PlaybookEntriesTable {
  id: string;
  user_id: string;
  group_id: string | null;
  kind: 'pattern' | 'rule' | 'warning' | 'filter' | 'constraint';
  status: 'draft' | 'active' | 'retired';
  title: string;
  /** Plain text or markdown as the trader wrote it; never rendered by the journal. */
  body: string;
  /** JSON text: an array of label strings. */
  tags: string;
  retired_at: EpochMs | null;
  created_at: EpochMs;
  updated_at: EpochMs;
}

/** Whether a trade followed (1) or broke (0) a playbook entry. */
export interface PlaybookChecksTable {
  trade_id: string;
  entry_id: string;
  user_id: string;
  followed: Flag;
  checked_at: EpochMs;
}

/** A trade seen by a playbook entry and not taken. */
export interface PlaybookMissedTable {
  id: string;
  user_id: string;
  entry_id: string;
  at: EpochMs;
  symbol: string;
  direction: 'long' | 'short' | null;
  note: string;
  estimated_pnl_micros: Micros | null;
  created_at: EpochMs;
  updated_at: EpochMs;
}

/** One rich-text entry per user and calendar day (YYYY-MM-DD in the user's zone); content is sanitised HTML. */
export interface JournalEntriesTable {
  id: string;
  user_id: string;
  entry_date: string;
  content: string;
  created_at: EpochMs;
  updated_at: EpochMs;
}

export interface JournalEntryTradesTable {
  entry_id: string;
  trade_id: string;
  user_id: string;
}

/** A week (from a Monday) or month (from its 1st) looked back on; one per user, period and start. */
export interface RetrospectivesTable {
  id: string;
  user_id: string;
  period: 'week' | 'month';
  start_date: string;
  end_date: string;
  content: string;
  created_at: EpochMs;
  updated_at: EpochMs;
}

export interface RetrospectiveTradesTable {
  retrospective_id: string;
  trade_id: string;
  user_id: string;
}

/** A file attached to an entry, its bytes in `content` (BLOB / bytea; both drivers read and write a Buffer). */
export interface JournalAttachmentsTable {
  id: string;
  user_id: string;
  entry_id: string;
  file_name: string;
  /** As sniffed from the bytes, never as the client declared it. */
  content_type: string;
  size_bytes: number;
  sha256: string;
  created_at: EpochMs;
  /** Selected only to download: listings read the columns above. */
  content: Buffer;
}

/** A saved what-if position (`/api/journal/positions`): `legs` is JSON text of `[{ expiry, strikeMicros, right, ratio }]`. */
export interface SavedPositionsTable {
  id: string;
  user_id: string;
  name: string;
  symbol: string;
  legs: string;
  /** Spreads, a whole number. */
  quantity: number;
  /** Per spread, signed: positive a debit, negative a credit. */
  entry_price_micros: Micros;
  source_kind: 'tile' | null;
  source_key: string | null;
  created_at: EpochMs;
  updated_at: EpochMs;
}

export type SavedPositionRow = Selectable<SavedPositionsTable>;

/** An alert (`/api/alerts`): the fields filters and the evaluator read are columns, the rest of its kind is JSON text in `params`. */
export interface AlertsTable {
  id: string;
  user_id: string;
  kind: string;
  label: string | null;
  symbol: string | null;
  position_id: string | null;
  trade_id: string | null;
  /** above/below/cross, or the greek's op. */
  direction: string | null;
  /** The price level, spread target, P&L target, greek value or trail amount. */
  target_micros: Micros;
  params: string;
  behaviour: string;
  cooldown_sec: number | null;
  enabled: Flag;
  hit_count: number;
  last_fired_at: EpochMs | null;
  created_at: EpochMs;
  updated_at: EpochMs;
  /** Set when a remove-on-hit alert's hit removed it: kept for the hit history, left out of every read of live alerts. */
  removed_at: EpochMs | null;
}

export interface AlertHitsTable {
  id: string;
  alert_id: string;
  user_id: string;
  at: EpochMs;
  message: string;
  value_micros: Micros | null;
  created_at: EpochMs;
}

/** The first answer to a keyed hit (`result`: its JSON), replayed for the same key; no foreign key, it outlives a removed alert. */
export interface AlertHitReceiptsTable {
  key: string;
  alert_id: string;
  user_id: string;
  result: string;
  created_at: EpochMs;
}

/** A sentence alert: `rule` is JSON text of the parsed PromptAlertRule. */
export interface PromptAlertsTable {
  id: string;
  user_id: string;
  text: string;
  rule: string;
  stage: string;
  stage_changed_at: EpochMs | null;
  enabled: Flag;
  created_at: EpochMs;
  updated_at: EpochMs;
}

export type AlertRow = Selectable<AlertsTable>;
export type AlertHitRow = Selectable<AlertHitsTable>;
export type AlertHitReceiptRow = Selectable<AlertHitReceiptsTable>;
export type PromptAlertRow = Selectable<PromptAlertsTable>;
