import type { InternalPromptAlertDto } from '@marketswarm/shared/dto';
import type { HeatmapPayload } from '@marketswarm/shared/models';
import type { UserBook } from '../../book/user-book.reader.js';
import { type AlertBook, mayFire, type PositionAlert } from '../alert-book.js';
import type { StateChanges } from '../engine-state.store.js';
import { targetReached, thresholdPassed } from '../target-mark.js';
import { HeatmapModels, optionKeyOf } from './heatmap-models.js';
import { OptionWatchIndex } from './option-watch-index.js';
import { markOf, positionOptions, positionPnl, watchedPosition, type MarkMarket, type WatchedPosition } from './position-marks.js';

/** Where users' books come from (the journal's snapshots: UserBookReader). */
export interface BookSource {
  read(userId: string): Promise<UserBook>;
}

/** A position alert whose mark reached its target or passed its threshold, and may fire now. */
export interface PositionHit {
  alert: PositionAlert;
  watched: WatchedPosition;
  mark: number;
}

/** A prompt alert's P&L subject moved: the sum of its owner's open positions, now and at the previous mark. */
export interface PnlReading {
  prompt: InternalPromptAlertDto;
  current: number;
  previous: number | undefined;
}

export interface PositionEvaluation {
  hits: PositionHit[];
  prompts: PnlReading[];
}

type Watcher = { kind: 'alert' | 'prompt'; id: string; userId: string };

const EMPTY_BOOK: UserBook = { openTrades: [], savedPositions: [] };
const RELOAD_SLICE = 256;

/**
 * Position alerts (spread debit, position P&L, greeks) and prompt alerts on P&L, marked from the
 * live heatmap. Holds each watching user's book (reloaded when their alerts or their book change),
 * the heatmap models, and an index from the options a position holds to its watchers, so a diff
 * re-marks only what it touched; greeks alerts are also re-marked on each tick of their underlying
 * (a greek moves with the spot between two models). Previous marks (for `cross`, and a P&L's `crosses`/`reaches`) come
 * from the fenced state and go back into it through the batch's changes.
 */
export class PositionWatch {
  readonly heatmap = new HeatmapModels();
  private readonly books = new Map<string, UserBook>();
  private readonly index = new OptionWatchIndex();
  private readonly watchers = new Map<string, Watcher>();
  private readonly byUser = new Map<string, Set<string>>();
  /** Greeks alerts per underlying: a greek moves with the spot, not only with the tiles. */
  private readonly greeksBySymbol = new Map<string, Set<string>>();
  private readonly marks = new Map<string, number>();

  constructor(
    private readonly alerts: AlertBook,
    private readonly source: BookSource,
  ) {}

  /** The committed marks (at resume, and after each fenced write). */
  committed(marks: ReadonlyMap<string, number>, forget: Iterable<string> = []): void {
    for (const [id, mark] of marks) this.marks.set(id, mark);
    for (const id of forget) if (!marks.has(id)) this.marks.delete(id);
  }

  clearMarks(): void {
    this.marks.clear();
  }

  /** Reads these users' books again and re-indexes their watchers (after their alerts or their book changed). */
  async reload(users: Iterable<string>): Promise<void> {
    const watching = this.alerts.bookUsers();
    const list = [...users];
    // Reads in parallel slices: a full load of thousands of users is a few pipelined round trips, not one each.
    for (let i = 0; i < list.length; i += RELOAD_SLICE) {
      const slice = list.slice(i, i + RELOAD_SLICE);
      const books = await Promise.all(slice.map((user) => (watching.has(user) ? this.source.read(user) : Promise.resolve(undefined))));
      slice.forEach((user, j) => {
        const book = books[j];
        if (book) this.books.set(user, book);
        else this.books.delete(user);
        this.reindex(user);
      });
    }
  }

  /** After a full load: every watching user's book, and nobody else's. */
  async reloadAll(): Promise<void> {
    const watching = this.alerts.bookUsers();
    await this.reload(new Set([...this.books.keys(), ...this.byUser.keys(), ...watching]));
  }

  /** Re-indexes one user's watchers from the book already held (their alerts changed, not their book). */
  reindex(userId: string): void {
    for (const id of this.byUser.get(userId) ?? []) {
      this.index.remove(id);
      this.watchers.delete(id);
      for (const [symbol, ids] of this.greeksBySymbol) {
        ids.delete(id);
        if (ids.size === 0) this.greeksBySymbol.delete(symbol);
      }
    }
    this.byUser.delete(userId);
    const book = this.books.get(userId);
    if (!book) return;
    const ids = new Set<string>();
    const watch = (id: string, watcher: Watcher, symbol: string, keys: string[]) => {
      this.index.set(id, symbol, keys);
      this.watchers.set(id, watcher);
      ids.add(id);
    };
    for (const alert of this.alerts.positionAlertsOf(userId)) {
      const watched = watchedPosition(alert, book);
      if (!watched) continue;
      const { symbol, options } = positionOptions(watched);
      watch(alert.id, { kind: 'alert', id: alert.id, userId }, symbol, options.map(optionKeyOf));
      if (alert.kind === 'greeks') {
        let ids = this.greeksBySymbol.get(symbol);
        if (!ids) this.greeksBySymbol.set(symbol, (ids = new Set()));
        ids.add(alert.id);
      }
    }
    const prompts = this.alerts.pnlPromptsOf(userId);
    if (prompts.length > 0) {
      // A P&L sums every open position, whatever its underlying: one index entry per underlying.
      const bySymbol = new Map<string, string[]>();
      for (const trade of book.openTrades) {
        const { symbol, options } = positionOptions({ kind: 'open', position: trade });
        bySymbol.set(symbol, [...(bySymbol.get(symbol) ?? []), ...options.map(optionKeyOf)]);
      }
      for (const prompt of prompts) for (const [symbol, keys] of bySymbol) watch(`${prompt.id}@${symbol}`, { kind: 'prompt', id: prompt.id, userId }, symbol, keys);
    }
    if (ids.size > 0) this.byUser.set(userId, ids);
  }

  /** Applies a heatmap event and marks the watchers of what it changed; `gap` when the model must be read again. */
  onHeatmap(payload: HeatmapPayload, market: MarkMarket, at: number, changes: StateChanges): PositionEvaluation | 'gap' {
    const change = this.heatmap.apply(payload);
    if (change.outcome === 'gap') return 'gap';
    // A stale diff is marked again at the model (which holds it): a batch read again after a failed
    // commit must find the hits it found the first time, and marks that did not move fire no cross.
    const ids = change.outcome === 'applied' && change.full ? this.index.all(payload.symbol) : this.index.touched(payload.symbol, change.changed);
    return this.evaluate(ids, market, at, changes);
  }

  /** Whether some position alert or P&L prompt alert holds an option of this underlying: its heatmap must be followed. */
  watches(symbol: string): boolean {
    return this.index.watches(symbol);
  }

  /** The underlyings whose heatmap must be followed. */
  watchedSymbols(): string[] {
    return [...this.index.symbols()];
  }

  /** Marks every watcher of a symbol (at resume, against the model read from the snapshot). */
  evaluateSymbol(symbol: string, market: MarkMarket, at: number, changes: StateChanges): PositionEvaluation {
    return this.evaluate(this.index.all(symbol), market, at, changes);
  }

  /** Marks the greeks alerts of an underlying that ticked (the tiles' IVs stand until the next diff). */
  onSpot(symbol: string, market: MarkMarket, at: number, changes: StateChanges): PositionEvaluation {
    return this.evaluate(this.greeksBySymbol.get(symbol) ?? [], market, at, changes);
  }

  /** Marks every watcher of these users (their book or their alerts changed). */
  evaluateUsers(users: Iterable<string>, market: MarkMarket, at: number, changes: StateChanges): PositionEvaluation {
    const ids = new Set<string>();
    for (const user of users) for (const id of this.byUser.get(user) ?? []) ids.add(id);
    return this.evaluate(ids, market, at, changes);
  }

  /** The P&L a prompt alert saw at its last mark (for its other conditions' ticks). */
  lastPnl(promptId: string, changes: StateChanges): number | undefined {
    return changes.marks.get(promptId) ?? this.marks.get(promptId);
  }

  private evaluate(ids: Iterable<string>, market: MarkMarket, at: number, changes: StateChanges): PositionEvaluation {
    const hits: PositionHit[] = [];
    const prompts = new Map<string, PnlReading>();
    for (const id of ids) {
      const watcher = this.watchers.get(id);
      if (!watcher) continue;
      const book = this.books.get(watcher.userId) ?? EMPTY_BOOK;
      if (watcher.kind === 'prompt') {
        const prompt = this.alerts.prompt(watcher.id);
        if (!prompt || prompts.has(prompt.id)) continue;
        const current = openPnl(book, market);
        if (current === undefined) continue;
        prompts.set(prompt.id, { prompt, current, previous: this.lastPnl(prompt.id, changes) });
        changes.marks.set(prompt.id, current);
        continue;
      }
      const alert = this.alerts.get(watcher.id);
      if (alert?.kind !== 'spread-debit' && alert?.kind !== 'position-pnl' && alert?.kind !== 'greeks') continue;
      const watched = watchedPosition(alert, book);
      const mark = watched && markOf(alert, watched, market);
      if (!watched || mark === undefined) continue;
      let reached: boolean;
      if (alert.kind === 'greeks') reached = thresholdPassed(alert.op, alert.value, mark);
      else {
        reached = targetReached(alert.direction, alert.target, changes.marks.get(alert.id) ?? this.marks.get(alert.id), mark);
        changes.marks.set(alert.id, mark);
      }
      if (reached && mayFire(alert, at)) {
        hits.push({ alert, watched, mark });
        // A once or remove-on-hit alert is done: its mark goes with it, in this batch's commit.
        if (this.alerts.afterHit(alert.id, at)) {
          changes.marks.delete(alert.id);
          changes.forget.add(alert.id);
        }
      }
    }
    return { hits, prompts: [...prompts.values()] };
  }
}

/** The P&L of every open position of the book, dollars; undefined while one cannot be marked. */
export function openPnl(book: UserBook, market: MarkMarket): number | undefined {
  let total = 0;
  for (const trade of book.openTrades) {
    const pnl = positionPnl({ kind: 'open', position: trade }, market);
    if (pnl === undefined) return undefined;
    total += pnl;
  }
  return Math.round(total * 100) / 100 + 0;
}
