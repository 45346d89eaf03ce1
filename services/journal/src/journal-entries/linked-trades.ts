import type { Kysely } from 'kysely';
import type { JournalDb } from '../database/journal-db.js';

/** The ids among `ids` that are not trades of the user (unknown, or another user's), with their index. */
export async function foreignTradeIds(db: Kysely<JournalDb>, userId: string, ids: readonly string[]): Promise<{ index: number; id: string }[]> {
  if (ids.length === 0) return [];
  const owned = new Set((await db.selectFrom('trades').select('id').where('user_id', '=', userId).where('id', 'in', [...new Set(ids)]).execute()).map((row) => row.id));
  return ids.flatMap((id, index) => (owned.has(id) ? [] : [{ index, id }]));
}

/** `ids` without repeats, in first-seen order. */
export function distinctIds(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
