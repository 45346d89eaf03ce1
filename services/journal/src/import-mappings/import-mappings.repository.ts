import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { genericCsvMappingSchema, type GenericCsvMapping } from '@marketswarm/shared/dto';
import type { EpochMs, JournalDb } from '../database/journal-db.js';
import { isUniqueViolation } from '../database/unique-violation.js';

export interface ImportMapping {
  id: string;
  name: string;
  mapping: GenericCsvMapping;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}

interface MappingRow {
  id: string;
  name: string;
  mapping: string;
  created_at: EpochMs;
  updated_at: EpochMs;
}

/** All SQL on `import_mappings`, scoped by user; names are unique per user. */
export class ImportMappingsRepository {
  constructor(
    private readonly db: Kysely<JournalDb>,
    private readonly now: () => EpochMs = Date.now,
  ) {}

  async list(userId: string): Promise<ImportMapping[]> {
    const rows = await this.db.selectFrom('import_mappings').selectAll().where('user_id', '=', userId).orderBy('name').execute();
    return rows.map(toMapping);
  }

  async get(userId: string, id: string): Promise<ImportMapping | undefined> {
    const row = await this.db.selectFrom('import_mappings').selectAll().where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
    return row && toMapping(row);
  }

  async create(userId: string, name: string, mapping: GenericCsvMapping): Promise<ImportMapping | 'duplicate'> {
    const at = this.now();
    try {
      const row = await this.db
        .insertInto('import_mappings')
        .values({ id: randomUUID(), user_id: userId, name, mapping: JSON.stringify(mapping), created_at: at, updated_at: at })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toMapping(row);
    } catch (error) {
      if (isUniqueViolation(error)) return 'duplicate';
      throw error;
    }
  }

  /** `undefined` for an id the user does not own; `duplicate` when the new name is taken. */
  async replace(userId: string, id: string, name: string, mapping: GenericCsvMapping): Promise<ImportMapping | 'duplicate' | undefined> {
    try {
      const row = await this.db
        .updateTable('import_mappings')
        .set({ name, mapping: JSON.stringify(mapping), updated_at: this.now() })
        .where('user_id', '=', userId)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      return row && toMapping(row);
    } catch (error) {
      if (isUniqueViolation(error)) return 'duplicate';
      throw error;
    }
  }

  async remove(userId: string, id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('import_mappings').where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
}

function toMapping(row: MappingRow): ImportMapping {
  // Parsed again on the way out: a row is only ever written from a validated mapping, and the schema fills its defaults.
  return { id: row.id, name: row.name, mapping: genericCsvMappingSchema.parse(JSON.parse(row.mapping)), createdAt: row.created_at, updatedAt: row.updated_at };
}
