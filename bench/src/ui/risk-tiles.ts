/**
 * Which heatmap tiles the risk-graph window puts into the risk graph. Tile keys are
 * `strategy:dte:width:strike` (ui/src/panels/heatmap); the picks are distinct keys near the money
 * with a spread of widths, walked diagonally over (strike rank, width rank) so ten positions are
 * not ten widths of one strike nor one width at ten strikes: a book a trader might hold, whose
 * curves all bend inside the plotted range.
 */
export interface TileKey {
  key: string;
  width: number;
  strike: number;
}

export function parseTileKey(key: string): TileKey | undefined {
  const parts = key.split(':');
  if (parts.length !== 4) return undefined;
  const width = Number(parts[2]);
  const strike = Number(parts[3]);
  if (!Number.isFinite(width) || !Number.isFinite(strike)) return undefined;
  return { key, width, strike };
}

export function pickRiskTiles(keys: readonly string[], spot: number, count: number, exclude: ReadonlySet<string> = new Set()): string[] {
  const tiles = [...new Set(keys)].filter((k) => !exclude.has(k)).map(parseTileKey).filter((t): t is TileKey => t !== undefined);
  const strikes = [...new Set(tiles.map((t) => t.strike))].sort((a, b) => Math.abs(a - spot) - Math.abs(b - spot) || a - b);
  const widths = [...new Set(tiles.map((t) => t.width))].sort((a, b) => a - b);
  const strikeRank = new Map(strikes.map((s, i) => [s, i]));
  const widthRank = new Map(widths.map((w, i) => [w, i]));
  const rank = (t: TileKey): [number, number] => {
    const s = strikeRank.get(t.strike)!;
    return [s + widthRank.get(t.width)!, s];
  };
  return tiles
    .sort((a, b) => {
      const [da, sa] = rank(a);
      const [db, sb] = rank(b);
      return da - db || sa - sb;
    })
    .slice(0, count)
    .map((t) => t.key);
}
