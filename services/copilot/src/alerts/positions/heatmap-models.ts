import { applyHeatmap, expiryDateOf, type HeatmapPayload, type HeatmapTile, type HeatmapTiles, type OptionMids, type OptionRef } from '@marketswarm/shared/models';

/**
 * An option's key as `singleOptionMids` keys it (New York expiry date, right, strike in integer
 * micros), so the mids kept here answer `legMid` unchanged. The
 * heatmap-models spec pins the two together.
 */
export function optionKeyOf(ref: OptionRef): string {
  return `${ref.expiry}|${ref.right}|${Math.round(ref.strike * 1_000_000)}`;
}

/** The option a single tile is (its debit is the option's mid); undefined for any other tile. */
function singleOption(tile: Pick<HeatmapTile, 'strategy' | 'strike' | 'expiry'>): OptionRef | undefined {
  const right = tile.strategy === 'single-call' ? 'call' : tile.strategy === 'single-put' ? 'put' : undefined;
  if (right === undefined || !Number.isFinite(tile.expiry)) return undefined;
  return { expiry: expiryDateOf(tile.expiry), right, strike: tile.strike };
}

/** What applying one heatmap event did to a symbol's model. */
export type HeatmapChange =
  /** The model moved; `changed` holds the option keys whose mid or IV changed (every option of a full model). */
  | { outcome: 'applied'; full: boolean; changed: ReadonlySet<string> }
  /**
   * Already in the model (a diff at or below its version: the snapshot read at start was newer, or
   * the batch is read again after a failed commit); `changed` holds the options its tiles quote.
   */
  | { outcome: 'stale'; changed: ReadonlySet<string> }
  /** A diff that does not follow the model's version: the model must be read again from the snapshot. */
  | { outcome: 'gap' };

interface SymbolModel {
  version: number;
  tiles: HeatmapTiles;
  mids: Map<string, number>;
  ivs: Map<string, number>;
}

/**
 * The full heatmap of each symbol, kept from the snapshot and the stream's diffs in order, with the
 * option mids and IVs of its single tiles indexed by option key: what position alerts are marked
 * from. Versions make the order checkable: a diff applies only on the version before it, so a
 * snapshot read after the stream position (at start, after a gap) skips the diffs it holds already.
 */
export class HeatmapModels {
  private readonly models = new Map<string, SymbolModel>();

  /** Applies a snapshot (replaces the model) or the next diff. */
  apply(payload: HeatmapPayload): HeatmapChange {
    const model = this.models.get(payload.symbol);
    // A snapshot in the stream is the producer starting over (its versions restart): it always replaces.
    if (payload.kind === 'snapshot') return { outcome: 'applied', full: true, changed: this.replace(payload) };
    if (!model) return { outcome: 'gap' };
    if (payload.version <= model.version) return { outcome: 'stale', changed: quotedOptions(payload) };
    if (payload.version !== model.version + 1) return { outcome: 'gap' };
    const changed = new Set<string>();
    for (const key of payload.removed ?? []) {
      const gone = model.tiles[key];
      const option = gone && singleOption(gone);
      if (!option) continue;
      const id = optionKeyOf(option);
      model.mids.delete(id);
      model.ivs.delete(id);
      changed.add(id);
    }
    for (const tile of Object.values(payload.tiles)) {
      const option = singleOption(tile);
      if (!option) continue;
      const id = optionKeyOf(option);
      model.mids.set(id, tile.debit);
      if (tile.iv === undefined) model.ivs.delete(id);
      else model.ivs.set(id, tile.iv);
      changed.add(id);
    }
    model.tiles = applyHeatmap(model.tiles, payload);
    model.version = payload.version;
    return { outcome: 'applied', full: false, changed };
  }

  /** The symbol's option mids (empty when no model), as `legMid` reads them. */
  mids(symbol: string): OptionMids {
    return this.models.get(symbol)?.mids ?? EMPTY;
  }

  /** The implied vol of the option the symbol's single tile quotes, when it carries one. */
  iv(symbol: string, ref: OptionRef): number | undefined {
    return this.models.get(symbol)?.ivs.get(optionKeyOf(ref));
  }

  version(symbol: string): number | undefined {
    return this.models.get(symbol)?.version;
  }

  clear(): void {
    this.models.clear();
  }

  /** Drops a symbol's model (nobody watches it, so its diffs go unread); a diff of it then is a gap. */
  forget(symbol: string): void {
    this.models.delete(symbol);
  }

  private replace(payload: HeatmapPayload): Set<string> {
    const mids = new Map<string, number>();
    const ivs = new Map<string, number>();
    for (const tile of Object.values(payload.tiles)) {
      const option = singleOption(tile);
      if (!option) continue;
      const id = optionKeyOf(option);
      mids.set(id, tile.debit);
      if (tile.iv !== undefined) ivs.set(id, tile.iv);
    }
    const previous = this.models.get(payload.symbol);
    this.models.set(payload.symbol, { version: payload.version, tiles: { ...payload.tiles }, mids, ivs });
    return new Set([...mids.keys(), ...(previous?.mids.keys() ?? [])]);
  }
}

const EMPTY: OptionMids = new Map();

/** The options a payload's single tiles quote (a removed tile's option is unknown without the model it left). */
function quotedOptions(payload: HeatmapPayload): Set<string> {
  const keys = new Set<string>();
  for (const tile of Object.values(payload.tiles)) {
    const option = singleOption(tile);
    if (option) keys.add(optionKeyOf(option));
  }
  return keys;
}
