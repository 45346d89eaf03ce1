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
}

export const DEFAULT_LEVEL_STEPS: Readonly<Record<string, number>> = { SPX: 50, NDX: 100, RUT: 25, VIX: 1, SPY: 5, QQQ: 5 };

const fmt = (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const level = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 2 });

/** A round spacing for a price without a configured one: 5 × the next-lower power of ten below a tenth of it. */
export function defaultLevelStep(price: number): number {
  return 5 * 10 ** (Math.floor(Math.log10(Math.max(price, 1e-6))) - 1);
}

/**
 * Rule-based play-by-play: a spot price crossing a round level, a large move since the last
 * announced one, a market-mode change, and new intel about a watched symbol. Pure: callers feed
 * it events and publish what it returns.
 */
export class VexyCommentator {
  private readonly last = new Map<string, number>();
  private readonly anchor = new Map<string, number>();
  private readonly modes = new Map<string, string>();
  private readonly walls = new Map<string, { callWall: number | undefined; putWall: number | undefined }>();
  private readonly watched: Set<string>;

  constructor(private readonly options: CommentatorOptions) {
    this.watched = new Set(options.watched);
  }

  private step(symbol: string, price: number): number {
    return this.options.levelSteps?.[symbol] ?? DEFAULT_LEVEL_STEPS[symbol] ?? defaultLevelStep(price);
  }

  onSpot(symbol: string, price: number): Commentary[] {
    const out: Commentary[] = [];
    const previous = this.last.get(symbol);
    this.last.set(symbol, price);
    if (previous === undefined) {
      this.anchor.set(symbol, price);
      return out;
    }
    const step = this.step(symbol, price);
    const before = Math.floor(previous / step);
    const now = Math.floor(price / step);
    const walls = this.walls.get(symbol);
    // Dealers' biggest gamma strikes: spot pushing through one is where hedging flows change.
    if (walls?.callWall !== undefined && previous < walls.callWall && price >= walls.callWall) {
      out.push({ kind: 'gex', symbol, text: `${symbol} pushes through the ${level(walls.callWall)} call wall (${fmt(price)})` });
    }
    if (walls?.putWall !== undefined && previous > walls.putWall && price <= walls.putWall) {
      out.push({ kind: 'gex', symbol, text: `${symbol} breaks below the ${level(walls.putWall)} put wall (${fmt(price)})` });
    }
    if (now > before) out.push({ kind: 'level', symbol, text: `${symbol} crosses above ${level(now * step)} (${fmt(price)})` });
    else if (now < before) out.push({ kind: 'level', symbol, text: `${symbol} drops below ${level(before * step)} (${fmt(price)})` });
    const anchor = this.anchor.get(symbol) ?? previous;
    const movePct = (price / anchor - 1) * 100;
    if (Math.abs(movePct) >= this.options.largeMovePct) {
      this.anchor.set(symbol, price);
      out.push({ kind: 'move', symbol, text: `${symbol} ${movePct > 0 ? 'up' : 'down'} ${Math.abs(movePct).toFixed(1)} % to ${fmt(price)}` });
    }
    return out;
  }

  /** Remembers where the GEX walls are; crossings are announced by `onSpot`. */
  onGex(symbol: string, callWall: number | undefined, putWall: number | undefined): void {
    this.walls.set(symbol, { callWall, putWall });
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
