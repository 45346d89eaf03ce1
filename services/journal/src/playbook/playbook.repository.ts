import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { PlaybookEntryKind, PlaybookEntryStatus, PlaybookGroupKind } from '@marketswarm/shared/dto';
import type { EpochMs, JournalDb, PlaybookEntriesTable, PlaybookGroupsTable, PlaybookMissedTable } from '../database/journal-db.js';
import type { Micros } from '../database/money.js';

export interface PlaybookGroup {
  id: string;
  name: string;
  kind: PlaybookGroupKind;
  position: number;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}

export interface PlaybookEntry {
  id: string;
  groupId: string | null;
  kind: PlaybookEntryKind;
  status: PlaybookEntryStatus;
  title: string;
  body: string;
  tags: string[];
  retiredAt: EpochMs | null;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}

export interface NewPlaybookEntry {
  groupId: string | null;
  kind: PlaybookEntryKind;
  status: PlaybookEntryStatus;
  title: string;
  body: string;
  tags: string[];
}

export interface PlaybookCheck {
  tradeId: string;
  entryId: string;
  followed: boolean;
  checkedAt: EpochMs;
}

export interface PlaybookMissed {
  id: string;
  entryId: string;
  at: EpochMs;
  symbol: string;
  direction: 'long' | 'short' | null;
  note: string;
  estimatedPnlMicros: Micros | null;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}

export type NewPlaybookMissed = Omit<PlaybookMissed, 'id' | 'createdAt' | 'updatedAt'>;

export interface EntryFilter {
  kind?: PlaybookEntryKind;
  status?: PlaybookEntryStatus;
  groupId?: string;
}

export interface MissedFilter {
  entryId?: string;
  from?: EpochMs;
  to?: EpochMs;
}

/**
 * All SQL on the playbook tables. Every statement is scoped by the session's user id, so another
 * user's group, entry, trade or missed trade finds nothing, exactly like an id that never existed.
 * Writes take no transaction of their own: the service runs a multi-statement change on a
 * repository built over its transaction.
 */
export class PlaybookRepository {
  constructor(
    private readonly db: Kysely<JournalDb>,
    private readonly now: () => EpochMs = Date.now,
  ) {}

  // ---- groups ----

  async listGroups(userId: string): Promise<PlaybookGroup[]> {
    const rows = await this.db.selectFrom('playbook_groups').selectAll().where('user_id', '=', userId).orderBy('kind').orderBy('position').orderBy('name').orderBy('id').execute();
    return rows.map(toGroup);
  }

  async getGroup(userId: string, id: string): Promise<PlaybookGroup | undefined> {
    const row = await this.db.selectFrom('playbook_groups').selectAll().where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
    return row && toGroup(row);
  }

  /** Without a position, the group goes after the last one of its kind. */
  async createGroup(userId: string, input: { name: string; kind: PlaybookGroupKind; position?: number }): Promise<PlaybookGroup> {
    const at = this.now();
    const position = input.position ?? (await this.nextPosition(userId, input.kind));
    const row = await this.db
      .insertInto('playbook_groups')
      .values({ id: randomUUID(), user_id: userId, name: input.name, kind: input.kind, position, created_at: at, updated_at: at })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toGroup(row);
  }

  async updateGroup(userId: string, id: string, changes: { name?: string; kind?: PlaybookGroupKind; position?: number }): Promise<PlaybookGroup | undefined> {
    const row = await this.db
      .updateTable('playbook_groups')
      .set({ ...changes, updated_at: this.now() })
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    return row && toGroup(row);
  }

  /** Its entries stay, ungrouped (the foreign key sets their group to null). */
  async removeGroup(userId: string, id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('playbook_groups').where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  private async nextPosition(userId: string, kind: PlaybookGroupKind): Promise<number> {
    const row = await this.db
      .selectFrom('playbook_groups')
      .select((eb) => eb.fn.max('position').as('last'))
      .where('user_id', '=', userId)
      .where('kind', '=', kind)
      .executeTakeFirst();
    const last = row?.last;
    return last === null || last === undefined ? 0 : Number(last) + 1;
  }

  // ---- entries ----

  async listEntries(userId: string, filter: EntryFilter = {}): Promise<PlaybookEntry[]> {
    let query = this.db.selectFrom('playbook_entries').selectAll().where('user_id', '=', userId);
    if (filter.kind !== undefined) query = query.where('kind', '=', filter.kind);
    if (filter.status !== undefined) query = query.where('status', '=', filter.status);
    if (filter.groupId !== undefined) query = query.where('group_id', '=', filter.groupId);
    const rows = await query.orderBy('created_at').orderBy('id').execute();
    return rows.map(toEntry);
  }

  async getEntry(userId: string, id: string): Promise<PlaybookEntry | undefined> {
    const row = await this.db.selectFrom('playbook_entries').selectAll().where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
    return row && toEntry(row);
  }

  /** The user's entries among `ids` (any the user does not own are simply absent). */
  async getEntries(userId: string, ids: readonly string[]): Promise<PlaybookEntry[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.selectFrom('playbook_entries').selectAll().where('user_id', '=', userId).where('id', 'in', [...ids]).execute();
    return rows.map(toEntry);
  }

  async createEntry(userId: string, input: NewPlaybookEntry): Promise<PlaybookEntry> {
    const at = this.now();
    const row = await this.db
      .insertInto('playbook_entries')
      .values({
        id: randomUUID(),
        user_id: userId,
        group_id: input.groupId,
        kind: input.kind,
        status: input.status,
        title: input.title,
        body: input.body,
        tags: JSON.stringify(input.tags),
        retired_at: input.status === 'retired' ? at : null,
        created_at: at,
        updated_at: at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toEntry(row);
  }

  /** `retiredAt` is set when the entry becomes retired and cleared when it leaves that status. */
  async updateEntry(userId: string, id: string, changes: Partial<NewPlaybookEntry>, current: PlaybookEntry): Promise<PlaybookEntry | undefined> {
    const at = this.now();
    const { tags, groupId, ...plain } = changes;
    const retiredAt = changes.status === undefined || changes.status === current.status ? current.retiredAt : changes.status === 'retired' ? at : null;
    const row = await this.db
      .updateTable('playbook_entries')
      .set({
        ...plain,
        ...(groupId !== undefined && { group_id: groupId }),
        ...(tags !== undefined && { tags: JSON.stringify(tags) }),
        retired_at: retiredAt,
        updated_at: at,
      })
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    return row && toEntry(row);
  }

  /** Removes the entry and, by cascade, its check-offs and missed trades. */
  async removeEntry(userId: string, id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('playbook_entries').where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  /** How much history hangs on an entry: the trades checked off against it and the missed trades seen by it. */
  async historyOf(userId: string, entryId: string): Promise<{ checks: number; missed: number }> {
    const checks = await this.db.selectFrom('playbook_checks').select((eb) => eb.fn.countAll().as('n')).where('user_id', '=', userId).where('entry_id', '=', entryId).executeTakeFirst();
    const missed = await this.db.selectFrom('playbook_missed').select((eb) => eb.fn.countAll().as('n')).where('user_id', '=', userId).where('entry_id', '=', entryId).executeTakeFirst();
    return { checks: Number(checks?.n ?? 0), missed: Number(missed?.n ?? 0) };
  }

  // ---- check-offs ----

  async ownsTrade(userId: string, tradeId: string): Promise<boolean> {
    const row = await this.db.selectFrom('trades').select('id').where('user_id', '=', userId).where('id', '=', tradeId).executeTakeFirst();
    return row !== undefined;
  }

  async checksOfTrade(userId: string, tradeId: string): Promise<PlaybookCheck[]> {
    const rows = await this.db.selectFrom('playbook_checks').selectAll().where('user_id', '=', userId).where('trade_id', '=', tradeId).orderBy('checked_at').orderBy('entry_id').execute();
    return rows.map((row) => ({ tradeId: row.trade_id, entryId: row.entry_id, followed: row.followed === 1, checkedAt: row.checked_at }));
  }

  /**
   * Replaces the trade's check-offs. A check-off that stays keeps its `checkedAt` when its answer
   * does not change, so re-saving a form does not rewrite history. Run it in a transaction.
   */
  async replaceChecks(userId: string, tradeId: string, checks: readonly { entryId: string; followed: boolean }[]): Promise<void> {
    const before = new Map((await this.checksOfTrade(userId, tradeId)).map((c) => [c.entryId, c]));
    const at = this.now();
    await this.db.deleteFrom('playbook_checks').where('user_id', '=', userId).where('trade_id', '=', tradeId).execute();
    if (checks.length === 0) return;
    await this.db
      .insertInto('playbook_checks')
      .values(
        checks.map((c) => {
          const kept = before.get(c.entryId);
          return { trade_id: tradeId, entry_id: c.entryId, user_id: userId, followed: c.followed ? 1 : 0, checked_at: kept && kept.followed === c.followed ? kept.checkedAt : at } as const;
        }),
      )
      .execute();
  }

  /** Every check-off of the user: the stats keep those of the closed trades they select. */
  async allChecks(userId: string): Promise<{ tradeId: string; entryId: string; followed: boolean }[]> {
    const rows = await this.db.selectFrom('playbook_checks').select(['trade_id', 'entry_id', 'followed']).where('user_id', '=', userId).execute();
    return rows.map((row) => ({ tradeId: row.trade_id, entryId: row.entry_id, followed: row.followed === 1 }));
  }

  // ---- missed trades ----

  async listMissed(userId: string, filter: MissedFilter = {}): Promise<PlaybookMissed[]> {
    let query = this.db.selectFrom('playbook_missed').selectAll().where('user_id', '=', userId);
    if (filter.entryId !== undefined) query = query.where('entry_id', '=', filter.entryId);
    if (filter.from !== undefined) query = query.where('at', '>=', filter.from);
    if (filter.to !== undefined) query = query.where('at', '<', filter.to);
    const rows = await query.orderBy('at', 'desc').orderBy('id').execute();
    return rows.map(toMissed);
  }

  async getMissed(userId: string, id: string): Promise<PlaybookMissed | undefined> {
    const row = await this.db.selectFrom('playbook_missed').selectAll().where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
    return row && toMissed(row);
  }

  async createMissed(userId: string, input: NewPlaybookMissed): Promise<PlaybookMissed> {
    const at = this.now();
    const row = await this.db
      .insertInto('playbook_missed')
      .values({
        id: randomUUID(),
        user_id: userId,
        entry_id: input.entryId,
        at: input.at,
        symbol: input.symbol,
        direction: input.direction,
        note: input.note,
        estimated_pnl_micros: input.estimatedPnlMicros,
        created_at: at,
        updated_at: at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toMissed(row);
  }

  async updateMissed(userId: string, id: string, changes: Partial<NewPlaybookMissed>): Promise<PlaybookMissed | undefined> {
    const row = await this.db
      .updateTable('playbook_missed')
      .set({
        ...(changes.entryId !== undefined && { entry_id: changes.entryId }),
        ...(changes.at !== undefined && { at: changes.at }),
        ...(changes.symbol !== undefined && { symbol: changes.symbol }),
        ...(changes.direction !== undefined && { direction: changes.direction }),
        ...(changes.note !== undefined && { note: changes.note }),
        ...(changes.estimatedPnlMicros !== undefined && { estimated_pnl_micros: changes.estimatedPnlMicros }),
        updated_at: this.now(),
      })
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    return row && toMissed(row);
  }

  async removeMissed(userId: string, id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('playbook_missed').where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
}

function toGroup(row: Selectable<PlaybookGroupsTable>): PlaybookGroup {
  return { id: row.id, name: row.name, kind: row.kind, position: Number(row.position), createdAt: row.created_at, updatedAt: row.updated_at };
}

function toEntry(row: Selectable<PlaybookEntriesTable>): PlaybookEntry {
  return {
    id: row.id,
    groupId: row.group_id,
    kind: row.kind,
    status: row.status,
    title: row.title,
    body: row.body,
    tags: JSON.parse(row.tags) as string[],
    retiredAt: row.retired_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toMissed(row: Selectable<PlaybookMissedTable>): PlaybookMissed {
  return {
    id: row.id,
    entryId: row.entry_id,
    at: row.at,
    symbol: row.symbol,
    direction: row.direction,
    note: row.note,
    estimatedPnlMicros: row.estimated_pnl_micros,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
