import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { decodeSnapshot } from '@marketswarm/shared/bus';
import { expiryDateOf } from '@marketswarm/shared/models';
import type { TopicRoute } from '@marketswarm/shared/truth';
import { INDEX_OPTION_ROOTS } from '../symbols/index-option-roots.js';

/** What of a heatmap tile the mids need (the producer's `HeatmapTile` has more). */
export interface PricedTile {
  strategy: string;
  strike: number;
  expiry: number;
  debit: number;
}

export interface MidLeg {
  expiry: string;
  strike: number;
  right: 'call' | 'put';
}

export type LegMids = { ok: true; mids: number[] } | { ok: false; missing: number[] };

/**
 * Each leg's mid from a heatmap: a single-option tile (`single-call`/`single-put`) is one option
 * bought, its debit that option's mid, so the tile at the leg's strike, right and expiry date prices
 * the leg. The producer makes no tile for an option whose mid rounds to 0 (far out of the money), so
 * such a leg, like one off the chain, is reported missing by its index.
 */
export function legMids(legs: readonly MidLeg[], tiles: Readonly<Record<string, PricedTile>>): LegMids {
  const singles = new Map<string, number>();
  for (const tile of Object.values(tiles)) {
    const right = tile.strategy === 'single-call' ? 'call' : tile.strategy === 'single-put' ? 'put' : undefined;
    if (right && Number.isFinite(tile.expiry)) singles.set(`${expiryDateOf(tile.expiry)}|${tile.strike}|${right}`, tile.debit);
  }
  const mids: number[] = [];
  const missing: number[] = [];
  legs.forEach((leg, i) => {
    const mid = singles.get(`${leg.expiry}|${leg.strike}|${leg.right}`);
    if (mid === undefined) missing.push(i);
    else mids.push(mid);
  });
  return missing.length === 0 ? { ok: true, mids } : { ok: false, missing };
}

/**
 * Reads the latest heatmap the market producer keeps in market Redis (`{market}:snapshot:heatmap`,
 * one full model per symbol) for live leg mids. Market Redis not answering is no live mid, not an
 * error: the trader can still log with prices of their own.
 */
export class LiveMidsReader {
  constructor(
    private readonly redis: Redis,
    private readonly heatmap: TopicRoute | undefined,
    private readonly logger: Logger,
  ) {}

  async mids(symbol: string, legs: readonly MidLeg[]): Promise<LegMids> {
    const none: LegMids = { ok: false, missing: legs.map((_, i) => i) };
    const key = this.heatmap?.snapshot;
    if (!key) return none;
    // Weekly roots trade on their index's chain: an SPXW leg is priced from SPX's heatmap.
    const field = INDEX_OPTION_ROOTS[symbol] ?? symbol;
    let text: string | null;
    try {
      text = await this.redis.hget(key, field);
    } catch (error) {
      this.logger.warn({ err: error }, 'market Redis did not answer; no live mids for a saved position');
      return none;
    }
    if (text === null) return none;
    const { events, skipped } = decodeSnapshot('heatmap', { [field]: text });
    if (skipped.length > 0) this.logger.warn({ skipped }, 'heatmap snapshot entry skipped');
    const [event] = events;
    return event ? legMids(legs, event.data.tiles) : none;
  }
}
