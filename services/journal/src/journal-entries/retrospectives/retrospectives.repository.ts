import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { EpochMs, JournalDb, RetrospectivesTable } from '../../database/journal-db.js';
import { isUniqueViolation } from '../../database/unique-violation.js';
import { distinctIds } from '../linked-trades.js';

export type RetrospectivePeriod = RetrospectivesTable['period'];

export interface Retrospective {
  id: string;
  period: RetrospectivePeriod;
  start: string;
  end: string;
  content: string;
  tradeIds: string[];
  createdAt: EpochMs;
  updatedAt: EpochMs;
}

export interface RetrospectiveWrite {
  period: RetrospectivePeriod;
  start: string;
  end: string;
  content: string;
  /** Replaces the links; undefined keeps them (on create: none). */
  tradeIds?: readonly string[] | undefined;
}

/** All SQL on `retrospectives` and `retrospective_trades`, scoped by user; one per user, period and start (held by the database). */
export class RetrospectivesRepository {
  constructor(
    private readonly db: Kysely<JournalDb>,
    private readonly now: () => EpochMs = Date.now,
  ) {}

  /** Newest period first. */
  async list(userId: string, period?: RetrospectivePeriod): Promise<Retrospective[]> {
    let query = this.db.selectFrom('retrospectives').selectAll().where('user_id', '=', userId);
    if (period !== undefined) query = query.where('period', '=', period);
    const rows = await query.orderBy('start_date', 'desc').orderBy('period').execute();
    if (rows.length === 0) return [];
    const links = await this.db
      .selectFrom('retrospective_trades')
      .select(['retrospective_id', 'trade_id'])
      .where('user_id', '=', userId)
      .where('retrospective_id', 'in', rows.map((r) => r.id))
      .orderBy('trade_id')
      .execute();
    const tradesOf = new Map<string, string[]>();
    for (const link of links) tradesOf.set(link.retrospective_id, [...(tradesOf.get(link.retrospective_id) ?? []), link.trade_id]);
    return rows.map((row) => ({ id: row.id, period: row.period, start: row.start_date, end: row.end_date, content: row.content, tradeIds: tradesOf.get(row.id) ?? [], createdAt: row.created_at, updatedAt: row.updated_at }));
  }

  async get(userId: string, id: string): Promise<Retrospective | undefined> {
    const row = await this.db.selectFrom('retrospectives').selectAll().where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const links = await this.db.selectFrom('retrospective_trades').select('trade_id').where('user_id', '=', userId).where('retrospective_id', '=', id).orderBy('trade_id').execute();
    return { id: row.id, period: row.period, start: row.start_date, end: row.end_date, content: row.content, tradeIds: links.map((l) => l.trade_id), createdAt: row.created_at, updatedAt: row.updated_at };
  }

  /** `duplicate` when the user has one for that period and start already. */
  async create(userId: string, write: RetrospectiveWrite): Promise<Retrospective | 'duplicate'> {
    const id = randomUUID();
    const at = this.now();
    try {
      await this.db.transaction().execute(async (trx) => {
        await trx.insertInto('retrospectives').values({ id, user_id: userId, period: write.period, start_date: write.start, end_date: write.end, content: write.content, created_at: at, updated_at: at }).execute();
        const rows = distinctIds(write.tradeIds ?? []).map((trade_id) => ({ retrospective_id: id, trade_id, user_id: userId }));
        if (rows.length > 0) await trx.insertInto('retrospective_trades').values(rows).execute();
      });
    } catch (error) {
      if (isUniqueViolation(error)) return 'duplicate';
      throw error;
    }
    return this.mustGet(userId, id);
  }

  /** `undefined` for an id the user does not own; `duplicate` when the new period and start are taken. */
  async update(userId: string, id: string, write: RetrospectiveWrite): Promise<Retrospective | 'duplicate' | undefined> {
    try {
      const found = await this.db.transaction().execute(async (trx) => {
        const result = await trx
          .updateTable('retrospectives')
          .set({ period: write.period, start_date: write.start, end_date: write.end, content: write.content, updated_at: this.now() })
          .where('user_id', '=', userId)
          .where('id', '=', id)
          .executeTakeFirst();
        if (result.numUpdatedRows === 0n) return false;
        if (write.tradeIds !== undefined) {
          await trx.deleteFrom('retrospective_trades').where('retrospective_id', '=', id).execute();
          const rows = distinctIds(write.tradeIds).map((trade_id) => ({ retrospective_id: id, trade_id, user_id: userId }));
          if (rows.length > 0) await trx.insertInto('retrospective_trades').values(rows).execute();
        }
        return true;
      });
      return found ? this.mustGet(userId, id) : undefined;
    } catch (error) {
      if (isUniqueViolation(error)) return 'duplicate';
      throw error;
    }
  }

  async remove(userId: string, id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('retrospectives').where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  private async mustGet(userId: string, id: string): Promise<Retrospective> {
    const found = await this.get(userId, id);
    if (!found) throw new Error(`retrospective ${id} vanished after its write`);
    return found;
  }
}
