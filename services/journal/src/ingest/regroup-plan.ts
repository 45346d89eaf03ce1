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
}

export interface GroupedWithDigest {
  trade: GroupedTrade;
  digest: string;
}

export interface RegroupPlan {
  /** Trades no stored row has the key of: new positions. */
  create: GroupedWithDigest[];
  /** Stored trades whose fills changed (a later import closed or added to them), with the risk to keep. */
  rewrite: { id: string; trade: GroupedTrade; digest: string; riskMicros: Micros | null }[];
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
    if (!existing) {
      plan.create.push({ trade, digest });
    } else if (existing.digest === digest) {
      plan.unchanged += 1;
    } else {
      const typedByTrader = existing.riskMicros !== existing.computedRiskMicros;
      plan.rewrite.push({ id: existing.id, trade, digest, riskMicros: typedByTrader ? existing.riskMicros : trade.riskMicros });
    }
  }
  for (const s of stored) if (!seen.has(s.key)) plan.remove.push(s.id);
  return plan;
}
