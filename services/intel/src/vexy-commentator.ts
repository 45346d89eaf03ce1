import { GEX_LEVEL_NAMES, type GexLevel } from '@marketswarm/shared/models';
import { CrossingGate, type CrossingDirection } from './crossing-gate.js';
import type { IntelItem } from './item-normaliser.js';

/** One line of play-by-play for the `vexy` topic; plain text. */
export interface Commentary {
  text: string;
  kind: 'level' | 'move' | 'mode' | 'intel' | 'gex';
  symbol?: string;
}

export interface CommentatorOptions {
  watched: readonly string[];
  /** Move from the last announced price, in percent, that is worth a line. */
  largeMovePct: number;
  /** Round-level spacing per symbol; others get one from their price. */
  levelSteps?: Readonly<Record<string, number>>;
  /** After a crossing is announced, how long the reverse one must clear the hysteresis band. Default 5 min. */
  crossingCooldownMs?: number;
  /** The hysteresis band in round-level steps (SPX 50 → 10 points at 0.2). Default 0.2. */
  hysteresisSteps?: number;
}

const MAX_LEVELS_PER_TICK = 200;

export const DEFAULT_CROSSING_COOLDOWN_MS = 5 * 60_000;
export const DEFAULT_HYSTERESIS_STEPS = 0.2;

export const DEFAULT_LEVEL_STEPS: Readonly<Record<string, number>> = { SPX: 50, NDX: 100, RUT: 25, VIX: 1, SPY: 5, QQQ: 5 };

const fmt = (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const VERB: Readonly<Record<CrossingDirection, string>> = { up: 'crosses above', down: 'drops below' };

interface Crossing {
  direction: CrossingDirection;
  level: number;
}

/** A level as the GEX panel prints a strike. */
const level = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 2 });
/** k × step without float dust (0.1 × 3 is 0.30000000000000004). */
const roundLevel = (k: number, step: number) => Number((k * step).toPrecision(12));

/** A round spacing for a price without a configured one: 5 × the next-lower power of ten below a tenth of it. */
export function defaultLevelStep(price: number): number {
  return 5 * 10 ** (Math.floor(Math.log10(Math.max(price, 1e-6))) - 1);
}

/**
 * Rule-based play-by-play: a spot price crossing a round level or a GEX level (call wall, put wall,
 * gamma flip, named as the GEX panel names them), a large move since the last announced one, a
 * market-mode change, and new intel about a watched symbol. Crossings go through a `CrossingGate`,
 * so a price jittering around a level is called once, not on every tick, and a GEX level that moves
 * past a still price is not called at all. Pure: callers feed it
 * events with their time and publish what it returns.
 */
export class VexyCommentator {
  private readonly last = new Map<string, number>();
  private readonly anchor = new Map<string, number>();
  private readonly modes = new Map<string, string>();
  private readonly gexLevels = new Map<string, readonly GexLevel[]>();
  private readonly watched: Set<string>;
  private readonly gate: CrossingGate;
  private readonly hysteresisSteps: number;

  constructor(private readonly options: CommentatorOptions) {
    this.watched = new Set(options.watched);
    this.gate = new CrossingGate({ cooldownMs: options.crossingCooldownMs ?? DEFAULT_CROSSING_COOLDOWN_MS });
    this.hysteresisSteps = options.hysteresisSteps ?? DEFAULT_HYSTERESIS_STEPS;
  }

  private step(symbol: string, price: number): number {
    return this.options.levelSteps?.[symbol] ?? DEFAULT_LEVEL_STEPS[symbol] ?? defaultLevelStep(price);
  }

  onSpot(symbol: string, price: number, now: number): Commentary[] {
    const out: Commentary[] = [];
    const previous = this.last.get(symbol);
    this.last.set(symbol, price);
    if (previous === undefined) {
      this.anchor.set(symbol, price);
      return out;
    }
    const step = this.step(symbol, price);
    const band = step * this.hysteresisSteps;
    // Dealers' biggest gamma strikes and the zero-gamma level: where hedging flows change.
    const gexCrossings: Crossing[] = [];
    for (const { kind, level: at } of this.gexLevels.get(symbol) ?? []) {
      // Walls are strikes (one memory each, kept while near); the flip drifts, so it is one level that
      // moves, and it keeps the band: a flip recomputed a point either side of a quiet price is not a crossing.
      const flip = kind === 'flip';
      const key = flip ? `${symbol}|flip` : `${symbol}|${kind}|${at}`;
      const direction = this.gate.observe({ key, level: at, price, previousPrice: previous, band, bandAlways: flip, now });
      if (direction === undefined) continue;
      gexCrossings.push({ direction, level: at });
      out.push({ kind: 'gex', symbol, text: `${symbol} ${VERB[direction]} the ${GEX_LEVEL_NAMES[kind]} ${level(at)} (${fmt(price)})` });
    }
    const round = this.roundCrossing(symbol, previous, price, step, band, now);
    // A wall on a round strike is one event, told once, by its GEX name.
    if (round && !gexCrossings.some((c) => c.direction === round.direction && c.level === round.level)) {
      out.push({ kind: 'level', symbol, text: `${symbol} ${VERB[round.direction]} ${level(round.level)} (${fmt(price)})` });
    }
    const anchor = this.anchor.get(symbol) ?? previous;
    const movePct = (price / anchor - 1) * 100;
    if (Math.abs(movePct) >= this.options.largeMovePct) {
      this.anchor.set(symbol, price);
      out.push({ kind: 'move', symbol, text: `${symbol} ${movePct > 0 ? 'up' : 'down'} ${Math.abs(movePct).toFixed(1)} % to ${fmt(price)}` });
    }
    return out;
  }

  /**
   * The round levels between the two prices, widened by the band (where a crossing held back by the
   * cooldown may still complete), each through the gate; one line for the farthest one crossed.
   */
  private roundCrossing(symbol: string, previous: number, price: number, step: number, band: number, now: number): Crossing | undefined {
    const prefix = `${symbol}|round|`;
    const lo = Math.ceil((Math.min(previous, price) - band) / step);
    const hi = Math.floor((Math.max(previous, price) + band) / step);
    let up: number | undefined;
    let down: number | undefined;
    // A jump across hundreds of levels is a bad print or a new instrument, not a crossing to call level by level.
    if (hi - lo > MAX_LEVELS_PER_TICK) {
      this.gate.prune(prefix, () => false);
      return undefined;
    }
    for (let k = lo; k <= hi; k++) {
      const at = roundLevel(k, step);
      const crossed = this.gate.observe({ key: `${prefix}${k}`, level: at, price, previousPrice: previous, band, now });
      if (crossed === 'up') up = Math.max(up ?? at, at);
      else if (crossed === 'down') down = Math.min(down ?? at, at);
    }
    // Levels the price has left far behind hold nothing the next crossing needs.
    this.gate.prune(prefix, (at) => Math.abs(at - price) <= 2 * step + band);
    if (up !== undefined) return { direction: 'up', level: up };
    if (down !== undefined) return { direction: 'down', level: down };
    return undefined;
  }

  /**
   * Remembers the GEX levels the producer computed (see `gexLevels`); crossings are announced by
   * `onSpot`. Walls that moved away and are no longer near the price are forgotten.
   */
  onGex(symbol: string, levels: readonly GexLevel[]): void {
    this.gexLevels.set(symbol, levels);
    const price = this.last.get(symbol);
    const step = price === undefined ? 0 : this.step(symbol, price);
    for (const kind of ['call-wall', 'put-wall'] as const) {
      const current = new Set(levels.filter((l) => l.kind === kind).map((l) => `${symbol}|${kind}|${l.level}`));
      this.gate.prune(`${symbol}|${kind}|`, (at, key) => current.has(key) || (price !== undefined && Math.abs(at - price) <= 2 * step));
    }
  }

  onMode(mode: string, score: number, symbol?: string): Commentary[] {
    const key = symbol ?? '_';
    const previous = this.modes.get(key);
    this.modes.set(key, mode);
    if (previous === undefined || previous === mode) return [];
    const who = symbol ? `${symbol} market mode` : 'Market mode';
    const line: Commentary = { kind: 'mode', text: `${who} shifts from ${previous} to ${mode} (score ${Math.round(score)})` };
    if (symbol) line.symbol = symbol;
    return [line];
  }

  onIntel(item: IntelItem): Commentary[] {
    const hits = item.tickers.filter((t) => this.watched.has(t));
    if (hits.length === 0) return [];
    const text = `News on ${hits.join(', ')}: ${item.title}`;
    return [{ kind: 'intel', symbol: hits[0], text: text.length <= 2000 ? text : `${text.slice(0, 1999)}…` }];
  }
}
