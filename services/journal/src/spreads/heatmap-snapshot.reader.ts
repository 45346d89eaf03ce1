import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { decodeSnapshot } from '@marketswarm/shared/bus';
import { INDEX_OPTION_ROOTS, type HeatmapTiles } from '@marketswarm/shared/models';
import type { TopicRoute } from '@marketswarm/shared/truth';

/**
 * Reads the latest heatmap the market producer keeps in market Redis (`{market}:snapshot:heatmap`,
 * one full model per symbol): the live tiles a saved position's mids and an order's tile legs come
 * from. Market Redis not answering is no live model, not an error: the caller falls back to what
 * the trader sent.
 */
export class HeatmapSnapshotReader {
  constructor(
    private readonly redis: Redis,
    private readonly heatmap: TopicRoute | undefined,
    private readonly logger: Logger,
  ) {}

  /** The symbol's live tiles; undefined when market Redis holds none or does not answer. */
  async tiles(symbol: string): Promise<HeatmapTiles | undefined> {
    const key = this.heatmap?.snapshot;
    if (!key) return undefined;
    // Weekly roots trade on their index's chain: an SPXW leg is priced from SPX's heatmap.
    const field = INDEX_OPTION_ROOTS[symbol] ?? symbol;
    let text: string | null;
    try {
      text = await this.redis.hget(key, field);
    } catch (error) {
      this.logger.warn({ err: error }, 'market Redis did not answer; no live heatmap');
      return undefined;
    }
    if (text === null) return undefined;
    const { events, skipped } = decodeSnapshot('heatmap', { [field]: text });
    if (skipped.length > 0) this.logger.warn({ skipped }, 'heatmap snapshot entry skipped');
    return events[0]?.data.tiles;
  }
}
