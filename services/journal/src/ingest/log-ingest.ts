import type { Kysely } from 'kysely';
import type { JournalDb } from '../database/journal-db.js';
import { ExecutionsRepository, type Execution, type NewExecution } from '../executions/executions.repository.js';
import { groupExecutionsWithUnmatched, type GroupedTrade, type Grouping, type GroupingOptions } from '../grouping/group-executions.js';
import { GroupedTradesRepository } from './grouped-trades.repository.js';
import { planRegroup } from './regroup-plan.js';

/** What an ingest did (or, for a dry run, would do). */
export interface IngestOutcome {
  /** Fills new to the log. */
  executions: number;
  /** Fills the log already held (same row hash), added nothing. */
  duplicates: number;
  /** Trades the new fills opened or changed. */
  trades: number;
  created: string[];
  rewritten: string[];
  removed: string[];
  /** Row hashes of this ingest's fills that close a position the log holds no opening for (its opening predates the log). */
  unmatched: string[];
}

/** Stamps a new trade with the market at its entry; null when no stamp is wanted. */
export type EntryStamp = (trade: GroupedTrade) => Promise<unknown>;

/** A cash-settled leg past its settlement time with no closing fill, as grouping asks about it. */
export type SettlementRequest = Parameters<NonNullable<GroupingOptions['settlementPrice']>>[0];

/** The settlement value (micros per unit of the underlying) of such a leg, when it is known. */
export type SettlementLookup = (leg: SettlementRequest) => Promise<number | undefined>;

export interface IngestOptions {
  grouping: GroupingOptions;
  stamp?: EntryStamp;
  settle?: SettlementLookup;
}

const NOTHING: Omit<IngestOutcome, 'executions' | 'duplicates'> = { trades: 0, created: [], rewritten: [], removed: [], unmatched: [] };

/**
 * Adds fills to a log and regroups its trades, all in one transaction: an import either lands whole
 * (fills, trades, legs) or not at all. The whole log is regrouped from its fills rather than only the
 * new ones, because a fill imported today can close a position opened in last month's file; trades
 * whose fills did not change are matched by key and digest and left untouched.
 */
export class LogIngest {
  constructor(private readonly db: Kysely<JournalDb>) {}

  /** `undefined` when the log is not the user's. */
  async commit(userId: string, logId: string, fills: readonly NewExecution[], options: IngestOptions): Promise<IngestOutcome | undefined> {
    return this.db.transaction().execute(async (trx) => {
      const repository = new GroupedTradesRepository(trx);
      if (!(await repository.lockLog(userId, logId))) return undefined;
      const executions = new ExecutionsRepository(trx);
      const inserted = await executions.insertMany(userId, logId, fills);
      if (!inserted) return undefined;
      if (inserted.inserted.length === 0) return { executions: 0, duplicates: inserted.duplicates, ...NOTHING };
      const all = (await executions.listByLog(userId, logId)) ?? [];
      const { trades: grouped, unmatched } = await groupSettling(all, options);
      const plan = planRegroup(await repository.storedGroups(userId, logId), grouped);
      // Removals and re-keyed trades first give up their keys, so no key is held twice on the way.
      await repository.remove(userId, plan.remove);
      await repository.releaseKeys(userId, plan.rewrite.filter((r) => r.rekeyed).map((r) => r.id));
      for (const { id, trade, digest, riskMicros } of plan.rewrite) await repository.rewrite(userId, id, trade, digest, riskMicros);
      const stamped = [];
      for (const { trade, digest } of plan.create) stamped.push({ trade, digest, marketAtEntry: options.stamp ? await options.stamp(trade) : null });
      const created = await repository.createMany(userId, logId, stamped);
      return {
        executions: inserted.inserted.length,
        duplicates: inserted.duplicates,
        trades: created.length + plan.rewrite.length,
        created,
        rewritten: plan.rewrite.map((r) => r.id),
        removed: plan.remove,
        unmatched: unmatchedOf(inserted.inserted, unmatched),
      };
    });
  }

  /** The same count as `commit` would report, writing nothing: the import preview. */
  async preview(userId: string, logId: string, fills: readonly NewExecution[], options: Omit<IngestOptions, 'stamp'>): Promise<IngestOutcome | undefined> {
    const executions = new ExecutionsRepository(this.db);
    const stored = await executions.listByLog(userId, logId);
    if (!stored) return undefined;
    const known = new Set(stored.map((e) => e.rowHash));
    const fresh: Execution[] = [];
    for (const fill of fills) {
      if (known.has(fill.rowHash)) continue;
      known.add(fill.rowHash);
      // Ids that sort after every stored one and in file order, as the ids a commit gives them do.
      fresh.push({ ...fill, id: `~preview-${String(fresh.length).padStart(9, '0')}`, logId, createdAt: 0 });
    }
    if (fresh.length === 0) return { executions: 0, duplicates: fills.length, ...NOTHING };
    const previewIds = new Set(fresh.map((e) => e.id));
    const { trades: grouped, unmatched } = await groupSettling([...stored, ...fresh].sort((a, b) => a.executedAt - b.executedAt), options);
    const touched = grouped.filter((t) => t.legs.some((leg) => leg.fills.some((f) => previewIds.has(f.executionId))));
    return { executions: fresh.length, duplicates: fills.length - fresh.length, trades: touched.length, created: [], rewritten: [], removed: [], unmatched: unmatchedOf(fresh, unmatched) };
  }
}

/**
 * Groups the fills, closing cash-settled legs left open past their settlement at the settlement
 * value `settle` finds. Grouping is synchronous and only knows which legs need a value once it has
 * run, so a first pass collects them, the values are looked up, and a second pass uses them.
 */
async function groupSettling(executions: readonly Execution[], options: Omit<IngestOptions, 'stamp'>): Promise<Grouping> {
  const known = new Map<string, number | undefined>();
  const wanted = new Map<string, SettlementRequest>();
  const keyOf = (leg: SettlementRequest) => `${leg.underlying}|${leg.expiry}|${leg.amSettled ? 'am' : 'pm'}`;
  const settlementPrice = (leg: SettlementRequest): number | undefined => {
    const key = keyOf(leg);
    if (!known.has(key)) wanted.set(key, leg);
    return known.get(key);
  };
  const grouped = groupExecutionsWithUnmatched(executions, { ...options.grouping, settlementPrice });
  if (wanted.size === 0 || !options.settle) return grouped;
  for (const [key, leg] of wanted) known.set(key, await options.settle(leg));
  return groupExecutionsWithUnmatched(executions, { ...options.grouping, settlementPrice });
}

/** The row hashes of `mine` that closed nothing, each once. */
function unmatchedOf(mine: readonly Execution[], unmatched: Grouping['unmatched']): string[] {
  const ids = new Set(unmatched.map((u) => u.executionId));
  return mine.filter((e) => ids.has(e.id)).map((e) => e.rowHash);
}
