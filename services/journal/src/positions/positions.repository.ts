import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { EpochMs, JournalDb, SavedPositionRow } from '../database/journal-db.js';
import type { Micros } from '../database/money.js';

/** One leg as stored: the strike in micros, like every decimal the journal keeps. */
export interface StoredLeg {
  expiry: string;
  strikeMicros: Micros;
  right: 'call' | 'put';
  ratio: number;
}

export interface SavedPosition {
  id: string;
  name: string;
  symbol: string;
  legs: StoredLeg[];
  quantity: number;
  entryPriceMicros: Micros;
  source: { kind: 'tile'; key: string } | null;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}

export type NewSavedPosition = Omit<SavedPosition, 'id' | 'createdAt' | 'updatedAt'>;
export type SavedPositionChanges = Partial<Pick<SavedPosition, 'name' | 'legs' | 'quantity' | 'entryPriceMicros' | 'source'>>;

const storedLegsSchema = z.array(z.object({ expiry: z.string(), strikeMicros: z.number().int(), right: z.enum(['call', 'put']), ratio: z.number().int() }));

/** All SQL on `saved_positions`, scoped by user: another user's id reads, updates and deletes nothing. */
export class PositionsRepository {
  constructor(
    private readonly db: Kysely<JournalDb>,
    private readonly now: () => EpochMs = Date.now,
  ) {}

  /** Oldest first: the order the trader added them in. */
  async list(userId: string): Promise<SavedPosition[]> {
    const rows = await this.db.selectFrom('saved_positions').selectAll().where('user_id', '=', userId).orderBy('created_at').orderBy('id').execute();
    return rows.map(toPosition);
  }

  async get(userId: string, id: string): Promise<SavedPosition | undefined> {
    const row = await this.db.selectFrom('saved_positions').selectAll().where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
    return row && toPosition(row);
  }

  async create(userId: string, position: NewSavedPosition): Promise<SavedPosition> {
    const now = this.now();
    const row = await this.db
      .insertInto('saved_positions')
      .values({
        id: randomUUID(),
        user_id: userId,
        name: position.name,
        symbol: position.symbol,
        legs: JSON.stringify(position.legs),
        quantity: position.quantity,
        entry_price_micros: position.entryPriceMicros,
        source_kind: position.source?.kind ?? null,
        source_key: position.source?.key ?? null,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toPosition(row);
  }

  /** undefined for an id the user does not own. */
  async update(userId: string, id: string, changes: SavedPositionChanges): Promise<SavedPosition | undefined> {
    const row = await this.db
      .updateTable('saved_positions')
      .set({
        ...(changes.name !== undefined && { name: changes.name }),
        ...(changes.legs !== undefined && { legs: JSON.stringify(changes.legs) }),
        ...(changes.quantity !== undefined && { quantity: changes.quantity }),
        ...(changes.entryPriceMicros !== undefined && { entry_price_micros: changes.entryPriceMicros }),
        ...(changes.source !== undefined && { source_kind: changes.source?.kind ?? null, source_key: changes.source?.key ?? null }),
        updated_at: this.now(),
      })
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    return row && toPosition(row);
  }

  /** False for an id the user does not own. */
  async remove(userId: string, id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('saved_positions').where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
}

function toPosition(row: SavedPositionRow): SavedPosition {
  return {
    id: row.id,
    name: row.name,
    symbol: row.symbol,
    // Written only by this class from validated input: a row that does not parse is a defect, thrown.
    legs: storedLegsSchema.parse(JSON.parse(row.legs)),
    quantity: row.quantity,
    entryPriceMicros: row.entry_price_micros,
    source: row.source_kind === 'tile' && row.source_key !== null ? { kind: 'tile', key: row.source_key } : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
