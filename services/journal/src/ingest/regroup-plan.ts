import type { GroupedTrade } from '../grouping/group-executions.js';
import type { Micros } from '../database/money.js';
import { tradeDigest } from './trade-digest.js';

/** A stored trade as regrouping sees it: its identity, what it was built from, and the risk it computed. */
export interface StoredGroup {
  id: string;
  key: string;
  digest: string | null;
  riskMicros: Micros | null;
  computedRiskMicros: Micros | null;
  /** The executions its legs used. */
  fills: ReadonlySet<string>;
}

export interface GroupedWithDigest {
  trade: GroupedTrade;
  digest: string;
}

export interface RegroupPlan {
  /** Trades no stored row has the key of: new positions. */
  create: GroupedWithDigest[];
  /**
   * Stored trades whose fills changed (a later import closed or added to them), with the risk to
   * keep; `rekeyed` when an earlier fill now opens the trade (a backfilled import).
   */
  rewrite: { id: string; trade: GroupedTrade; digest: string; riskMicros: Micros | null; rekeyed: boolean }[];
  /** Stored trades whose opening fill no longer opens a trade (a fill removed, or a rule changed). */
  remove: string[];
  unchanged: number;
}

/**
 * What to write so the stored trades match a fresh grouping of the log's fills, matching them by
 * key (the opening fill's id). A rewritten trade keeps its id, notes, tags and market at entry; its
 * risk follows the new computation unless the trader typed one (a stored risk differing from the
 * computed one), which is kept.
 */
export function planRegroup(stored: readonly StoredGroup[], grouped: readonly GroupedTrade[]): RegroupPlan {
  const byKey = new Map(stored.map((s) => [s.key, s]));
  const plan: RegroupPlan = { create: [], rewrite: [], remove: [], unchanged: 0 };
  const seen = new Set<string>();
  for (const trade of grouped) {
    seen.add(trade.key);
    const digest = tradeDigest(trade);
    const existing = byKey.get(trade.key);
    if (!existing) plan.create.push({ trade, digest });
    else if (existing.digest === digest) plan.unchanged += 1;
    else plan.rewrite.push(rewriteOf(existing, trade, digest, false));
  }
  // A stored trade whose opening fill no longer opens a trade (last month's file imported after this
  // month's: an earlier fill opens the position now) lives on in the new trade that took most of its
  // fills, with its id, notes and tags; only one that shares no fill with any new trade goes.
  for (const gone of stored.filter((s) => !seen.has(s.key))) {
    const heir = mostShared(gone, plan.create);
    if (!heir) {
      plan.remove.push(gone.id);
      continue;
    }
    plan.create.splice(plan.create.indexOf(heir), 1);
    plan.rewrite.push(rewriteOf(gone, heir.trade, heir.digest, true));
  }
  return plan;
}

function rewriteOf(existing: StoredGroup, trade: GroupedTrade, digest: string, rekeyed: boolean): RegroupPlan['rewrite'][number] {
  const typedByTrader = existing.riskMicros !== existing.computedRiskMicros;
  return { id: existing.id, trade, digest, riskMicros: typedByTrader ? existing.riskMicros : trade.riskMicros, rekeyed };
}

function mostShared(gone: StoredGroup, candidates: readonly GroupedWithDigest[]): GroupedWithDigest | undefined {
  let best: GroupedWithDigest | undefined;
  let bestShared = 0;
  for (const candidate of candidates) {
    const shared = candidate.trade.legs.reduce((n, leg) => n + leg.fills.filter((f) => gone.fills.has(f.executionId)).length, 0);
    if (shared > bestShared) [best, bestShared] = [candidate, shared];
  }
  return best;
}
