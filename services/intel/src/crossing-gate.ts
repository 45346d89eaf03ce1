export type CrossingDirection = 'up' | 'down';

export interface CrossingGateOptions {
  /** After a crossing is announced, how long the reverse crossing needs to clear the band. */
  cooldownMs: number;
}

/** What the gate needs to know about one price observation against one level. */
export interface CrossingObservation {
  /** Identifies the level across observations: symbol plus what the level is (`SPX|round|6000`, `SPX|call-wall|6050`). */
  key: string;
  level: number;
  price: number;
  /** The price before this one, when known: a level first seen now starts on that side, so a jump across it still counts. */
  previousPrice?: number | undefined;
  /** Distance beyond the level that makes a move decisive (hysteresis). */
  band: number;
  /**
   * Hold the band even outside the cooldown: for a level that drifts on its own (the gamma flip),
   * which would otherwise hover a point either side of a quiet price and be "crossed" every cooldown.
   */
  bandAlways?: boolean;
  now: number;
}

interface LevelState {
  /** The level and the price at this key's last observation: what the gate knew before the price moved. */
  level: number;
  price: number;
  side: 'above' | 'below';
  /** When this level's last crossing was announced. */
  announcedAt: number | undefined;
}

const sideOf = (price: number, level: number): LevelState['side'] => (price >= level ? 'above' : 'below');

/**
 * Decides which level crossings are worth a line. A price jittering around a level would otherwise
 * "cross" it on every tick: each level remembers the side it was last announced on, and for
 * `cooldownMs` after an announcement the price must clear the level by `band` before the reverse
 * crossing counts. A move that decisive always counts; after the cooldown a plain crossing counts
 * again, so a level the price keeps hovering at is called at most once per cooldown.
 *
 * Only the price crosses: a level that moves past a still price (a gamma flip recomputed, a wall
 * revisited after the price moved on) changes which side the price is on without a line, and a
 * crossing must clear the level both as it was known before the price moved and as it is now.
 */
export class CrossingGate {
  private readonly levels = new Map<string, LevelState>();

  constructor(private readonly options: CrossingGateOptions) {}

  /** The crossing to announce for this observation, if any; remembers the side either way. */
  observe({ key, level, price, previousPrice, band, bandAlways = false, now }: CrossingObservation): CrossingDirection | undefined {
    let state = this.levels.get(key);
    if (state === undefined) {
      const start = previousPrice ?? price;
      state = { level, price: start, side: sideOf(start, level), announcedAt: undefined };
      this.levels.set(key, state);
    }
    const before = previousPrice ?? state.price;
    const known = state.level;
    // The level moved across the price (or the price moved while this level went unobserved): the
    // price sits on the other side without having crossed anything, so it starts from there, silently.
    const sideBefore = sideOf(before, level);
    if (sideOf(state.price, known) !== sideBefore) state.side = sideBefore;
    state.level = level;
    state.price = price;
    const cooling = state.announcedAt !== undefined && now - state.announcedAt < this.options.cooldownMs;
    const margin = cooling || bandAlways ? Math.max(band, 0) : 0;
    if (state.side === 'below' && price >= Math.max(level, known) + margin) {
      state.side = 'above';
      state.announcedAt = now;
      return 'up';
    }
    if (state.side === 'above' && price < Math.min(level, known) - margin) {
      state.side = 'below';
      state.announcedAt = now;
      return 'down';
    }
    return undefined;
  }

  /**
   * Forgets the levels under `prefix` that `keep` rejects (given the level's latest price); a
   * forgotten level starts afresh, on the side of the price before it is next seen.
   */
  prune(prefix: string, keep: (level: number, key: string) => boolean): void {
    for (const [key, state] of this.levels) if (key.startsWith(prefix) && !keep(state.level, key)) this.levels.delete(key);
  }

  get size(): number {
    return this.levels.size;
  }
}
