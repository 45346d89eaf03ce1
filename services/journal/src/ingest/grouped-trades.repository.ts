import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { EpochMs, JournalDb } from '../database/journal-db.js';
import type { Micros } from '../database/money.js';
import type { GroupedTrade } from '../grouping/group-executions.js';
import { insertTradeLegs, insertTradeRows, marketAtEntryText, tradeFigureColumns } from '../trades/trade-rows.js';
import type { StoredGroup } from './regroup-plan.js';

/**
 * The SQL of regrouping: which trades a log holds by group key, and creating, rewriting or removing
 * them. Built on the import's transaction so fills and trades commit together.
 */
export class GroupedTradesRepository {
  constructor(
    private readonly db: Kysely<JournalDb>,
    private readonly now: () => EpochMs = Date.now,
  ) {}

  /**
   * Takes the log for this transaction: an UPDATE of its row holds PostgreSQL's row lock (and
   * SQLite's write lock) until commit, so two imports into one log regroup one after the other and
   * the second sees the first's fills. False when the log is not the user's.
   */
  async lockLog(userId: string, logId: string): Promise<boolean> {
    const result = await this.db.updateTable('trade_logs').set({ updated_at: this.now() }).where('user_id', '=', userId).where('id', '=', logId).executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async storedGroups(userId: string, logId: string): Promise<StoredGroup[]> {
    const rows = await this.db
      .selectFrom('trades')
      .select(['id', 'group_key', 'group_hash', 'risk_micros', 'computed_risk_micros'])
      .where('user_id', '=', userId)
      .where('log_id', '=', logId)
      .where('group_key', 'is not', null)
      .execute();
    const used = await this.db
      .selectFrom('trade_leg_executions')
      .innerJoin('trade_legs', 'trade_legs.id', 'trade_leg_executions.leg_id')
      .innerJoin('trades', 'trades.id', 'trade_legs.trade_id')
      .select(['trades.id as trade_id', 'trade_leg_executions.execution_id'])
      .where('trades.user_id', '=', userId)
      .where('trades.log_id', '=', logId)
      .execute();
    const fills = new Map<string, Set<string>>();
    for (const { trade_id, execution_id } of used) {
      let set = fills.get(trade_id);
      if (!set) fills.set(trade_id, (set = new Set()));
      set.add(execution_id);
    }
    return rows.map((r) => ({ id: r.id, key: r.group_key ?? '', digest: r.group_hash, riskMicros: r.risk_micros, computedRiskMicros: r.computed_risk_micros, fills: fills.get(r.id) ?? new Set() }));
  }

  /** Frees the keys of trades about to take another key, so no two rows hold one key in between. */
  async releaseKeys(userId: string, ids: readonly string[]): Promise<void> {
    for (let i = 0; i < ids.length; i += 500) {
      await this.db.updateTable('trades').set({ group_key: null }).where('user_id', '=', userId).where('id', 'in', ids.slice(i, i + 500)).execute();
    }
  }

  /** New trades with their legs and fills, in a few multi-row statements; returns their ids in order. */
  async createMany(userId: string, logId: string, trades: readonly { trade: GroupedTrade; digest: string; marketAtEntry: unknown }[]): Promise<string[]> {
    const at = this.now();
    const ids = trades.map(() => randomUUID());
    await insertTradeRows(
      this.db,
      userId,
      trades.map(({ trade, digest, marketAtEntry }, i) => ({
        row: {
          id: ids[i] ?? '',
          user_id: userId,
          log_id: logId,
          ...decidedColumns(trade, digest),
          risk_micros: trade.riskMicros,
          notes: trade.notes,
          market_at_entry: marketAtEntryText(marketAtEntry),
          group_key: trade.key,
          created_at: at,
          updated_at: at,
        },
        legs: trade.legs,
      })),
    );
    return ids;
  }

  /** New figures and legs for a stored trade; its notes, tags and market at entry stay. */
  async rewrite(userId: string, id: string, trade: GroupedTrade, digest: string, riskMicros: Micros | null): Promise<void> {
    await this.db
      .updateTable('trades')
      .set({ ...decidedColumns(trade, digest), group_key: trade.key, risk_micros: riskMicros, updated_at: this.now() })
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .execute();
    await this.db.deleteFrom('trade_legs').where('user_id', '=', userId).where('trade_id', '=', id).execute();
    await insertTradeLegs(this.db, userId, [{ tradeId: id, legs: trade.legs }]);
  }

  async remove(userId: string, ids: readonly string[]): Promise<void> {
    for (let i = 0; i < ids.length; i += 500) {
      await this.db.deleteFrom('trades').where('user_id', '=', userId).where('id', 'in', ids.slice(i, i + 500)).execute();
    }
  }
}

/** The columns grouping decides, written alike on create and rewrite. */
function decidedColumns(trade: GroupedTrade, digest: string) {
  return {
    ...tradeFigureColumns(trade),
    computed_risk_micros: trade.riskMicros,
    group_hash: digest,
  };
}
