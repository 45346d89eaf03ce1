import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { EpochMs, JournalDb, TagRow } from '../database/journal-db.js';
import { isUniqueViolation } from '../database/unique-violation.js';

export interface Tag {
  id: string;
  name: string;
  createdAt: EpochMs;
}

/** All SQL on `tags`, scoped by user; names are unique per user (the database holds that rule). */
export class TagsRepository {
  constructor(
    private readonly db: Kysely<JournalDb>,
    private readonly now: () => EpochMs = Date.now,
  ) {}

  async list(userId: string): Promise<Tag[]> {
    const rows = await this.db.selectFrom('tags').selectAll().where('user_id', '=', userId).orderBy('name').execute();
    return rows.map(toTag);
  }

  async get(userId: string, id: string): Promise<Tag | undefined> {
    const row = await this.db.selectFrom('tags').selectAll().where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
    return row && toTag(row);
  }

  async getByName(userId: string, name: string): Promise<Tag | undefined> {
    const row = await this.db.selectFrom('tags').selectAll().where('user_id', '=', userId).where('name', '=', name).executeTakeFirst();
    return row && toTag(row);
  }

  /** `duplicate` when the user already has a tag of that name. */
  async create(userId: string, name: string): Promise<Tag | 'duplicate'> {
    try {
      const row = await this.db.insertInto('tags').values({ id: randomUUID(), user_id: userId, name, created_at: this.now() }).returningAll().executeTakeFirstOrThrow();
      return toTag(row);
    } catch (error) {
      if (isUniqueViolation(error)) return 'duplicate';
      throw error;
    }
  }

  /** `undefined` for an id the user does not own; `duplicate` when the new name is taken. */
  async rename(userId: string, id: string, name: string): Promise<Tag | 'duplicate' | undefined> {
    try {
      const row = await this.db.updateTable('tags').set({ name }).where('user_id', '=', userId).where('id', '=', id).returningAll().executeTakeFirst();
      return row && toTag(row);
    } catch (error) {
      if (isUniqueViolation(error)) return 'duplicate';
      throw error;
    }
  }

  /** Removes the tag and, by cascade, it from every trade. False for an id the user does not own. */
  async remove(userId: string, id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('tags').where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
}

function toTag(row: TagRow): Tag {
  return { id: row.id, name: row.name, createdAt: row.created_at };
}
