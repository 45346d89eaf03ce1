import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { EpochMs, JournalDb } from '../database/journal-db.js';
import { isUniqueViolation } from '../database/unique-violation.js';
import { distinctIds } from './linked-trades.js';

export interface Entry {
  id: string;
  date: string;
  content: string;
  tradeIds: string[];
  createdAt: EpochMs;
  updatedAt: EpochMs;
}

/** All SQL on `journal_entries` and `journal_entry_trades`, scoped by user; one entry per user and date. */
export class EntriesRepository {
  constructor(
    private readonly db: Kysely<JournalDb>,
    private readonly now: () => EpochMs = Date.now,
  ) {}

  async get(userId: string, date: string): Promise<Entry | undefined> {
    const row = await this.db.selectFrom('journal_entries').selectAll().where('user_id', '=', userId).where('entry_date', '=', date).executeTakeFirst();
    if (!row) return undefined;
    const links = await this.db.selectFrom('journal_entry_trades').select('trade_id').where('user_id', '=', userId).where('entry_id', '=', row.id).orderBy('trade_id').execute();
    return { id: row.id, date: row.entry_date, content: row.content, tradeIds: links.map((l) => l.trade_id), createdAt: row.created_at, updatedAt: row.updated_at };
  }

  /** Dates from `from` to `to` (inclusive) that have an entry, ascending. */
  async datesBetween(userId: string, from: string, to: string): Promise<string[]> {
    const rows = await this.db.selectFrom('journal_entries').select('entry_date').where('user_id', '=', userId).where('entry_date', '>=', from).where('entry_date', '<=', to).orderBy('entry_date').execute();
    return rows.map((r) => r.entry_date);
  }

  /**
   * Writes the day's entry, creating it when there is none. `tradeIds` replaces the links; undefined
   * keeps them. The caller has checked the trades are the user's.
   */
  async put(userId: string, date: string, content: string, tradeIds: readonly string[] | undefined): Promise<Entry> {
    await this.writeOnce(userId, date, async (trx, id) => {
      await trx.updateTable('journal_entries').set({ content, updated_at: this.now() }).where('id', '=', id).execute();
      if (tradeIds === undefined) return;
      await trx.deleteFrom('journal_entry_trades').where('entry_id', '=', id).execute();
      const rows = distinctIds(tradeIds).map((trade_id) => ({ entry_id: id, trade_id, user_id: userId }));
      if (rows.length > 0) await trx.insertInto('journal_entry_trades').values(rows).execute();
    });
    const entry = await this.get(userId, date);
    if (!entry) throw new Error(`entry ${date} vanished after its write`);
    return entry;
  }

  /** The id of the day's entry, created empty when there is none (an attachment may come before the text). */
  async ensure(userId: string, date: string): Promise<string> {
    let entryId = '';
    await this.writeOnce(userId, date, (_trx, id) => {
      entryId = id;
      return Promise.resolve();
    });
    return entryId;
  }

  /** False when the user has no entry that day. Its links and attachments go with it (cascade). */
  async remove(userId: string, date: string): Promise<boolean> {
    const result = await this.db.deleteFrom('journal_entries').where('user_id', '=', userId).where('entry_date', '=', date).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  /**
   * Finds or inserts the row, then runs `write` in the same transaction. Two first writes of the same
   * day race on the unique (user, date): the loser retries and finds the winner's row.
   */
  private async writeOnce(userId: string, date: string, write: (trx: Transaction<JournalDb>, id: string) => Promise<void>): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.db.transaction().execute(async (trx) => {
          const existing = await trx.selectFrom('journal_entries').select('id').where('user_id', '=', userId).where('entry_date', '=', date).executeTakeFirst();
          let id = existing?.id;
          if (!id) {
            id = randomUUID();
            const at = this.now();
            await trx.insertInto('journal_entries').values({ id, user_id: userId, entry_date: date, content: '', created_at: at, updated_at: at }).execute();
          }
          await write(trx, id);
        });
        return;
      } catch (error) {
        if (attempt > 0 || !isUniqueViolation(error)) throw error;
      }
    }
  }
}
