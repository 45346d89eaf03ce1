/** The parts of a what-if this reads (a tile it was made from, unless its legs were edited since). */
export interface WhatIfLike {
  symbol: string;
  tile?: { key: string };
  legs?: unknown;
}

/** The parts of a saved position this reads (the tile it was saved from, if any). */
export interface SavedLike {
  symbol: string;
  source?: { kind: 'tile'; key: string };
}

/**
 * Keys of `symbol`'s tiles that stand in the risk graph: what-ifs still equal to their tile, and
 * saved positions made from a tile. A what-if whose legs were edited is no longer that tile.
 */
export function inRiskKeys(symbol: string, whatIfs: readonly WhatIfLike[], saved: readonly SavedLike[]): ReadonlySet<string> {
  const keys = new Set<string>();
  for (const p of whatIfs) if (p.symbol === symbol && p.tile !== undefined && p.legs === undefined) keys.add(p.tile.key);
  for (const p of saved) if (p.symbol === symbol && p.source?.kind === 'tile') keys.add(p.source.key);
  return keys;
}
