/** Which way the price must pass a level for a crossing alert to fire. */
export type CrossingDirection = 'above' | 'below' | 'cross';

/** One crossing alert as the index sees it: who owns it, which symbol, which level, which way. */
export interface CrossingEntry {
  id: string;
  userId: string;
  symbol: string;
  level: number;
  direction: CrossingDirection;
}

/**
 * What the alert engine needs from a crossing structure. `crossed` answers the move of one tick
 * (`from` the previous price, `to` the new one) with every entry the move passed through, so a gap
 * over many levels fires all of them.
 */
export interface CrossingLookup {
  upsert(entry: CrossingEntry): void;
  remove(id: string): void;
  crossed(symbol: string, from: number, to: number): CrossingEntry[];
  size(): number;
}
