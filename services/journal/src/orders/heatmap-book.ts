import { decodeSnapshot } from '@marketswarm/shared/bus';
import { decodeStreamEntry } from '@marketswarm/shared/events';
import { applyHeatmap, type HeatmapPayload, type HeatmapTiles } from '@marketswarm/shared/models';

/**
 * The heatmap model of every symbol as the producer keeps it: the snapshot hash (full model per
 * symbol, at the version of the newest diff), then the stream's snapshots and diffs applied in
 * version order. A diff that does not follow the version held means entries were missed (trimmed
 * by MAXLEN, or the producer restarted): the caller re-reads the snapshot hash.
 */
export class HeatmapBook {
  private readonly models = new Map<string, { version: number; tiles: HeatmapTiles }>();

  /** Replaces everything with the snapshot hash, as HGETALL returns it; the number of entries skipped as corrupt. */
  reset(hash: Readonly<Record<string, string>>): number {
    this.models.clear();
    const { events, skipped } = decodeSnapshot('heatmap', hash);
    for (const { data } of events) this.models.set(data.symbol, { version: data.version, tiles: { ...(data.tiles as HeatmapPayload['tiles']) } });
    return skipped.length;
  }

  /** Applies one stream entry: whether it changed a model, or left a gap (a diff that does not follow the version held). */
  apply(fields: readonly string[]): 'applied' | 'gap' | 'ignored' {
    const decoded = decodeStreamEntry(fields);
    if (!decoded.ok || decoded.event.topic !== 'heatmap') return 'ignored';
    const data = decoded.event.data as HeatmapPayload;
    const held = this.models.get(data.symbol);
    if (data.kind === 'snapshot') {
      this.models.set(data.symbol, { version: data.version, tiles: applyHeatmap({}, data) });
      return 'applied';
    }
    // Already in the snapshot read with the stream's tail.
    if (held && data.version <= held.version) return 'ignored';
    if (!held || data.version !== held.version + 1) return 'gap';
    this.models.set(data.symbol, { version: data.version, tiles: applyHeatmap(held.tiles, data) });
    return 'applied';
  }

  tiles(symbol: string): HeatmapTiles | undefined {
    return this.models.get(symbol)?.tiles;
  }
}
