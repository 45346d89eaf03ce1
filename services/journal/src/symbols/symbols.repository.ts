import type { Kysely } from 'kysely';
import type { EpochMs, JournalDb, SymbolRow } from '../database/journal-db.js';
import { DEFAULT_SYMBOLS, type SymbolSpec } from './default-symbols.js';

/** A symbol's spec as one user sees it, and whether it is the built-in default or their own. */
export interface UserSymbol extends SymbolSpec {
  source: 'default' | 'user';
}

const DEFAULTS = new Map(DEFAULT_SYMBOLS.map((s) => [s.symbol, s]));

/**
 * All SQL on `symbols`. Defaults live in code, not as seeded rows: a new default reaches every user
 * without a migration, and a user's row (their edit) always wins over it.
 */
export class SymbolsRepository {
  constructor(
    private readonly db: Kysely<JournalDb>,
    private readonly now: () => EpochMs = Date.now,
  ) {}

  /** The defaults with the user's own rows laid over them, sorted by symbol. */
  async list(userId: string): Promise<UserSymbol[]> {
    const own = await this.db.selectFrom('symbols').selectAll().where('user_id', '=', userId).execute();
    const merged = new Map<string, UserSymbol>(DEFAULT_SYMBOLS.map((s) => [s.symbol, { ...s, source: 'default' }]));
    for (const row of own) merged.set(row.symbol, toUserSymbol(row));
    return [...merged.values()].sort((a, b) => a.symbol.localeCompare(b.symbol));
  }

  async get(userId: string, symbol: string): Promise<UserSymbol | undefined> {
    const key = normalizeSymbol(symbol);
    const row = await this.db.selectFrom('symbols').selectAll().where('user_id', '=', userId).where('symbol', '=', key).executeTakeFirst();
    if (row) return toUserSymbol(row);
    const builtIn = DEFAULTS.get(key);
    return builtIn && { ...builtIn, source: 'default' };
  }

  /** Adds or replaces the user's own spec for a symbol. */
  async put(userId: string, spec: SymbolSpec): Promise<UserSymbol> {
    const row = await this.db
      .insertInto('symbols')
      .values({
        user_id: userId,
        symbol: normalizeSymbol(spec.symbol),
        asset_class: spec.assetClass,
        multiplier_micros: spec.multiplierMicros,
        tick_size_micros: spec.tickSizeMicros,
        updated_at: this.now(),
      })
      .onConflict((oc) =>
        oc.columns(['user_id', 'symbol']).doUpdateSet((eb) => ({
          asset_class: eb.ref('excluded.asset_class'),
          multiplier_micros: eb.ref('excluded.multiplier_micros'),
          tick_size_micros: eb.ref('excluded.tick_size_micros'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
    return toUserSymbol(row);
  }

  /** Drops the user's own spec; a default symbol falls back to its default. False when there was none. */
  async remove(userId: string, symbol: string): Promise<boolean> {
    const result = await this.db.deleteFrom('symbols').where('user_id', '=', userId).where('symbol', '=', normalizeSymbol(symbol)).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
}

/** "/es" and "ES" are one root. */
export function normalizeSymbol(symbol: string): string {
  return symbol.trim().replace(/^\//, '').toUpperCase();
}

function toUserSymbol(row: SymbolRow): UserSymbol {
  return { symbol: row.symbol, assetClass: row.asset_class, multiplierMicros: row.multiplier_micros, tickSizeMicros: row.tick_size_micros, source: 'user' };
}
