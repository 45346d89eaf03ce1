import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { EpochMs, ExecutionSide, InstrumentKind, JournalDb, OptionRight, TradeLegRow, TradeRow, TradeStatus } from '../database/journal-db.js';
import type { Micros } from '../database/money.js';
import { insertTradeRows, marketAtEntryText, tradeFigureColumns } from './trade-rows.js';

/** Which part of which fill a leg used. */
export interface LegFill {
  executionId: string;
  quantityMicros: Micros;
}

export interface NewTradeLeg {
  instrumentKind: InstrumentKind;
  symbol: string;
  expiry: string | null;
  strikeMicros: Micros | null;
  optionRight: OptionRight | null;
  side: ExecutionSide;
  quantityMicros: Micros;
  openPriceMicros: Micros;
  closePriceMicros: Micros | null;
  multiplierMicros: Micros;
  fills: LegFill[];
}

export interface NewTrade {
  symbol: string;
  strategy: string;
  side: string;
  quantityMicros: Micros;
  openedAt: EpochMs;
  closedAt: EpochMs | null;
  status: TradeStatus;
  grossMicros: Micros;
  feesMicros: Micros;
  netMicros: Micros;
  riskMicros: Micros | null;
  notes: string;
  /** Any JSON value, or null when the market at entry was not known. */
  marketAtEntry: unknown;
  legs: NewTradeLeg[];
}

export interface TradeLeg extends NewTradeLeg {
  id: string;
  legIndex: number;
}

export interface Trade extends Omit<NewTrade, 'legs'> {
  id: string;
  logId: string;
  legs: TradeLeg[];
  tagIds: string[];
  createdAt: EpochMs;
  updatedAt: EpochMs;
}

export interface TradeFilter {
  /** Opened at or after (UTC ms). */
  from?: EpochMs;
  /** Opened before (UTC ms). */
  to?: EpochMs;
  symbol?: string;
  strategy?: string;
  status?: TradeStatus;
  tagId?: string;
}

/** What analytics select closed trades by; `from`/`to` bound the close time (UTC ms, from inclusive). */
export interface ClosedTradeFilter {
  /** One log; every log of the user when absent. */
  logId?: string;
  from?: EpochMs;
  to?: EpochMs;
  symbol?: string;
  strategy?: string;
  tagId?: string;
}

/** A closed trade with only what the analytics read, and its tags by name. */
export interface ClosedTradeRow {
  id: string;
  symbol: string;
  strategy: string;
  side: string;
  quantityMicros: Micros;
  openedAt: EpochMs;
  closedAt: EpochMs;
  grossMicros: Micros;
  feesMicros: Micros;
  netMicros: Micros;
  riskMicros: Micros | null;
  /** The earliest expiry among the legs (YYYY-MM-DD), null without options. */
  nearestExpiry: string | null;
  tags: string[];
}

export interface TradePage {
  trades: Trade[];
  /** Pass as `after` for the next page; null on the last one. */
  nextCursor: string | null;
}

/**
 * All SQL on trades, their legs, the fills each leg used, and their tags. Every statement is scoped
 * by user; writes take no transaction of their own, so an import builds this repository on its
 * transaction and its fills and trades commit together.
 */
export class TradesRepository {
  constructor(
    private readonly db: Kysely<JournalDb>,
    private readonly now: () => EpochMs = Date.now,
  ) {}

  /** `undefined` when the log, or any fill a leg names, is not this user's (in this log): nothing is written then. */
  async insertMany(userId: string, logId: string, trades: readonly NewTrade[]): Promise<Trade[] | undefined> {
    const log = await this.db.selectFrom('trade_logs').select('id').where('user_id', '=', userId).where('id', '=', logId).executeTakeFirst();
    if (!log) return undefined;
    const executionIds = [...new Set(trades.flatMap((t) => t.legs.flatMap((l) => l.fills.map((f) => f.executionId))))];
    if (!(await this.ownsExecutions(userId, logId, executionIds))) return undefined;
    const at = this.now();
    const ids = trades.map(() => randomUUID());
    await insertTradeRows(
      this.db,
      userId,
      trades.map((trade, i) => ({
        row: {
          id: ids[i] ?? '',
          user_id: userId,
          log_id: logId,
          ...tradeFigureColumns(trade),
          risk_micros: trade.riskMicros,
          notes: trade.notes,
          market_at_entry: marketAtEntryText(trade.marketAtEntry),
          created_at: at,
          updated_at: at,
        },
        legs: trade.legs,
      })),
    );
    return this.load(userId, ids);
  }

  /** The user's open trades in every active log, oldest first: the positions the user's tabs show (an archived log's are not). */
  async openTradeIds(userId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('trades')
      .innerJoin('trade_logs', 'trade_logs.id', 'trades.log_id')
      .select('trades.id')
      .where('trades.user_id', '=', userId)
      .where('trades.status', '=', 'open')
      .where('trade_logs.archived_at', 'is', null)
      .orderBy('trades.opened_at')
      .orderBy('trades.id')
      .execute();
    return rows.map((r) => r.id);
  }

  /** The user's trades with these ids, in the order given, in a few queries however many there are; ids not the user's are left out. */
  async getMany(userId: string, ids: readonly string[]): Promise<Trade[]> {
    return this.load(userId, ids);
  }

  async get(userId: string, id: string): Promise<Trade | undefined> {
    return (await this.load(userId, [id]))[0];
  }

  /**
   * Newest opened first (ties by id), or oldest first with `order: 'asc'`; keyset pages, so a page
   * never repeats or skips a trade written meanwhile elsewhere.
   */
  async listByLog(userId: string, logId: string, filter: TradeFilter, page: { limit: number; after?: string; order?: 'asc' | 'desc' }): Promise<TradePage> {
    let query = this.db.selectFrom('trades').select(['id', 'opened_at']).where('user_id', '=', userId).where('log_id', '=', logId);
    if (filter.from !== undefined) query = query.where('opened_at', '>=', filter.from);
    if (filter.to !== undefined) query = query.where('opened_at', '<', filter.to);
    if (filter.symbol !== undefined) query = query.where('symbol', '=', filter.symbol);
    if (filter.strategy !== undefined) query = query.where('strategy', '=', filter.strategy);
    if (filter.status !== undefined) query = query.where('status', '=', filter.status);
    if (filter.tagId !== undefined) {
      const tagId = filter.tagId;
      // EXISTS on trade_tags' primary key (trade_id, tag_id): SQLite walks the opened-at index and
      // stops at a page's worth of tagged trades, where IN (subquery) listed every tagged trade first.
      query = query.where((eb) => eb.exists(eb.selectFrom('trade_tags').select('trade_tags.trade_id').whereRef('trade_tags.trade_id', '=', 'trades.id').where('trade_tags.tag_id', '=', tagId).where('trade_tags.user_id', '=', userId)));
    }
    const cursor = page.after === undefined ? undefined : decodeCursor(page.after);
    const order = page.order ?? 'desc';
    const past = order === 'desc' ? '<' : '>';
    if (cursor) query = query.where((eb) => eb.or([eb('opened_at', past, cursor.openedAt), eb.and([eb('opened_at', '=', cursor.openedAt), eb('id', past, cursor.id)])]));
    const rows = await query.orderBy('opened_at', order).orderBy('id', order).limit(page.limit + 1).execute();
    const pageRows = rows.slice(0, page.limit);
    const last = pageRows.at(-1);
    return {
      trades: await this.load(
        userId,
        pageRows.map((r) => r.id),
      ),
      nextCursor: rows.length > page.limit && last ? encodeCursor(last.opened_at, last.id) : null,
    };
  }

  /**
   * Closed trades for analytics, in close order (then open time, then id): one query for the trades (only the columns analytics read, the
   * nearest leg expiry by subquery) and one for the names of their tags, so 100k trades are two
   * round trips and no per-trade work in SQL beyond the indexed lookups.
   */
  async listClosedForAnalytics(userId: string, filter: ClosedTradeFilter): Promise<ClosedTradeRow[]> {
    let selected = this.db.selectFrom('trades').where('trades.user_id', '=', userId).where('trades.status', '=', 'closed').where('trades.closed_at', 'is not', null);
    const { logId, from, to, symbol, strategy, tagId } = filter;
    if (logId !== undefined) selected = selected.where('trades.log_id', '=', logId);
    if (from !== undefined) selected = selected.where('trades.closed_at', '>=', from);
    if (to !== undefined) selected = selected.where('trades.closed_at', '<', to);
    if (symbol !== undefined) selected = selected.where('trades.symbol', '=', symbol);
    if (strategy !== undefined) selected = selected.where('trades.strategy', '=', strategy);
    if (tagId !== undefined) {
      selected = selected.where('trades.id', 'in', (eb) => eb.selectFrom('trade_tags').select('trade_tags.trade_id').where('trade_tags.user_id', '=', userId).where('trade_tags.tag_id', '=', tagId));
    }
    const rows = await selected
      .select((eb) => [
        'trades.id',
        'trades.symbol',
        'trades.strategy',
        'trades.side',
        'trades.quantity_micros',
        'trades.opened_at',
        'trades.closed_at',
        'trades.gross_micros',
        'trades.fees_micros',
        'trades.net_micros',
        'trades.risk_micros',
        eb.selectFrom('trade_legs').select((leg) => leg.fn.min('trade_legs.expiry').as('expiry')).whereRef('trade_legs.trade_id', '=', 'trades.id').as('nearest_expiry'),
      ])
      // The analytics' own order (byCloseTime), which the close-time index mostly gives for free: analyze() then skips its sort.
      .orderBy('trades.closed_at')
      .orderBy('trades.opened_at')
      .orderBy('trades.id')
      .execute();
    const tagRows = await this.db
      .selectFrom('trade_tags')
      .innerJoin('tags', 'tags.id', 'trade_tags.tag_id')
      .select(['trade_tags.trade_id', 'tags.name'])
      .where('trade_tags.user_id', '=', userId)
      .where('trade_tags.trade_id', 'in', selected.select('trades.id'))
      .orderBy('tags.name')
      .execute();
    const tagsByTrade = new Map<string, string[]>();
    for (const t of tagRows) {
      const names = tagsByTrade.get(t.trade_id);
      if (names) names.push(t.name);
      else tagsByTrade.set(t.trade_id, [t.name]);
    }
    return rows.map((row) => ({
      id: row.id,
      symbol: row.symbol,
      strategy: row.strategy,
      side: row.side,
      quantityMicros: row.quantity_micros,
      openedAt: row.opened_at,
      closedAt: row.closed_at ?? row.opened_at,
      grossMicros: row.gross_micros,
      feesMicros: row.fees_micros,
      netMicros: row.net_micros,
      riskMicros: row.risk_micros,
      nearestExpiry: row.nearest_expiry ?? null,
      tags: tagsByTrade.get(row.id) ?? [],
    }));
  }

  /** Notes and defined risk, the fields a trader edits; `undefined` for a trade not the user's. */
  async update(userId: string, id: string, changes: { notes?: string; riskMicros?: Micros | null }): Promise<Trade | undefined> {
    const result = await this.db
      .updateTable('trades')
      .set({ ...(changes.notes !== undefined && { notes: changes.notes }), ...(changes.riskMicros !== undefined && { risk_micros: changes.riskMicros }), updated_at: this.now() })
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n ? this.get(userId, id) : undefined;
  }

  /**
   * Replaces the trade's tags. `undefined` for a trade not the user's, `unknown-tag` when a tag id
   * is not one of the user's tags (nothing changes then). Run it in a transaction to make it atomic.
   */
  async setTags(userId: string, id: string, tagIds: readonly string[]): Promise<Trade | undefined | 'unknown-tag'> {
    const trade = await this.db.selectFrom('trades').select('id').where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
    if (!trade) return undefined;
    const unique = [...new Set(tagIds)];
    if (unique.length > 0) {
      const owned = await this.db.selectFrom('tags').select('id').where('user_id', '=', userId).where('id', 'in', unique).execute();
      if (owned.length !== unique.length) return 'unknown-tag';
    }
    await this.db.deleteFrom('trade_tags').where('user_id', '=', userId).where('trade_id', '=', id).execute();
    if (unique.length > 0) await this.db.insertInto('trade_tags').values(unique.map((tagId) => ({ trade_id: id, tag_id: tagId, user_id: userId }))).execute();
    await this.db.updateTable('trades').set({ updated_at: this.now() }).where('user_id', '=', userId).where('id', '=', id).execute();
    return this.get(userId, id);
  }

  private async ownsExecutions(userId: string, logId: string, executionIds: readonly string[]): Promise<boolean> {
    let found = 0;
    for (let i = 0; i < executionIds.length; i += 500) {
      const chunk = executionIds.slice(i, i + 500);
      const rows = await this.db.selectFrom('executions').select('id').where('user_id', '=', userId).where('log_id', '=', logId).where('id', 'in', chunk).execute();
      found += rows.length;
    }
    return found === executionIds.length;
  }

  /** The trades with these ids that the user owns, in the order of `ids`, each with its legs, fills and tags. */
  private async load(userId: string, ids: readonly string[]): Promise<Trade[]> {
    const trades: Trade[] = [];
    // Chunks keep every IN list far below SQLite's and PostgreSQL's bound-parameter limits on a large import.
    for (let i = 0; i < ids.length; i += 200) trades.push(...(await this.loadChunk(userId, ids.slice(i, i + 200))));
    return trades;
  }

  private async loadChunk(userId: string, ids: readonly string[]): Promise<Trade[]> {
    const rows = await this.db.selectFrom('trades').selectAll().where('user_id', '=', userId).where('id', 'in', ids).execute();
    const legs = await this.db.selectFrom('trade_legs').selectAll().where('user_id', '=', userId).where('trade_id', 'in', ids).orderBy('leg_index').execute();
    const legIds = legs.map((l) => l.id);
    const fills = legIds.length === 0 ? [] : await this.db.selectFrom('trade_leg_executions').selectAll().where('user_id', '=', userId).where('leg_id', 'in', legIds).orderBy('execution_id').execute();
    const tags = await this.db.selectFrom('trade_tags').select(['trade_id', 'tag_id']).where('user_id', '=', userId).where('trade_id', 'in', ids).orderBy('tag_id').execute();
    const byId = new Map(rows.map((row) => [row.id, row]));
    // Grouped once by key: an export reads every trade of a log through here, 200 at a time.
    const legsOf = groupBy(legs, (l) => l.trade_id);
    const fillsOf = groupBy(fills, (f) => f.leg_id);
    const tagsOf = groupBy(tags, (t) => t.trade_id);
    return ids.flatMap((id) => {
      const row = byId.get(id);
      if (!row) return [];
      const tradeLegs = (legsOf.get(id) ?? []).map((l) => toLeg(l, (fillsOf.get(l.id) ?? []).map((f) => ({ executionId: f.execution_id, quantityMicros: f.quantity_micros }))));
      return [toTrade(row, tradeLegs, (tagsOf.get(id) ?? []).map((t) => t.tag_id))];
    });
  }
}

function toTrade(row: TradeRow, legs: TradeLeg[], tagIds: string[]): Trade {
  return {
    id: row.id,
    logId: row.log_id,
    symbol: row.symbol,
    strategy: row.strategy,
    side: row.side,
    quantityMicros: row.quantity_micros,
    openedAt: row.opened_at,
    closedAt: row.closed_at,
    status: row.status,
    grossMicros: row.gross_micros,
    feesMicros: row.fees_micros,
    netMicros: row.net_micros,
    riskMicros: row.risk_micros,
    notes: row.notes,
    marketAtEntry: row.market_at_entry === null ? null : (JSON.parse(row.market_at_entry) as unknown),
    legs,
    tagIds,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toLeg(row: TradeLegRow, fills: LegFill[]): TradeLeg {
  return {
    id: row.id,
    legIndex: row.leg_index,
    instrumentKind: row.instrument_kind,
    symbol: row.symbol,
    expiry: row.expiry,
    strikeMicros: row.strike_micros,
    optionRight: row.option_right,
    side: row.side,
    quantityMicros: row.quantity_micros,
    openPriceMicros: row.open_price_micros,
    closePriceMicros: row.close_price_micros,
    multiplierMicros: row.multiplier_micros,
    fills,
  };
}

/** Opaque to clients: base64url of `<openedAt>.<id>`. */
function encodeCursor(openedAt: EpochMs, id: string): string {
  return Buffer.from(`${openedAt}.${id}`).toString('base64url');
}

/** A page cursor this repository did not write; the service answers it with a 400. */
export class InvalidCursorError extends Error {
  constructor() {
    super('the page cursor is not one this service wrote');
    this.name = 'InvalidCursorError';
  }
}

function decodeCursor(cursor: string): { openedAt: EpochMs; id: string } {
  const match = /^(-?\d+)\.(.+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  const openedAt = Number(match?.[1]);
  if (!match?.[2] || !Number.isSafeInteger(openedAt)) throw new InvalidCursorError();
  return { openedAt, id: match[2] };
}

/** Rows by a key, each group in the rows' order. */
function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}
