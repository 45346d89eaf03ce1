import type { Kysely } from 'kysely';
import type { EpochMs, JournalDb } from '../database/journal-db.js';

/**
 * All SQL on `settings`: one JSON value per user and key, stored as text so both dialects keep it
 * byte for byte. Which keys exist and what shape their values take is the service's zod schemas' job.
 */
export class UserSettingsRepository {
  constructor(
    private readonly db: Kysely<JournalDb>,
    private readonly now: () => EpochMs = Date.now,
  ) {}

  async get(userId: string, key: string): Promise<unknown> {
    const row = await this.db.selectFrom('settings').select('value').where('user_id', '=', userId).where('key', '=', key).executeTakeFirst();
    return row === undefined ? undefined : (JSON.parse(row.value) as unknown);
  }

  async all(userId: string): Promise<Record<string, unknown>> {
    const rows = await this.db.selectFrom('settings').select(['key', 'value']).where('user_id', '=', userId).orderBy('key').execute();
    return Object.fromEntries(rows.map((row) => [row.key, JSON.parse(row.value) as unknown]));
  }

  /** Writes (or overwrites) one key; `value` must be JSON-serialisable and not undefined. */
  async put(userId: string, key: string, value: unknown): Promise<void> {
    const text = JSON.stringify(value);
    if (text === undefined) throw new TypeError(`setting ${key}: the value is not JSON`);
    const at = this.now();
    await this.db
      .insertInto('settings')
      .values({ user_id: userId, key, value: text, updated_at: at })
      .onConflict((oc) => oc.columns(['user_id', 'key']).doUpdateSet({ value: text, updated_at: at }))
      .execute();
  }

  async remove(userId: string, key: string): Promise<boolean> {
    const result = await this.db.deleteFrom('settings').where('user_id', '=', userId).where('key', '=', key).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
}
