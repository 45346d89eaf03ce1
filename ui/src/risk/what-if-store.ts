import type { JournalPosition, SavedPositionDto } from '@marketswarm/shared/dto';
import type { HeatmapTile } from '@marketswarm/shared/models';
import { FrameNotifier } from '../stores/frame-notifier';

/** A position the trader is considering, made from a heatmap tile; lives with the page until saved. */
export interface WhatIfPosition {
  id: string;
  symbol: string;
  tile: HeatmapTile;
  quantity: number;
  /** Epoch ms it was added. */
  addedAt: number;
}

/**
 * The risk graph's book: the page's what-ifs (tile clicks, selector ideas), and, streamed in, the
 * journal's open trades (`positions` topic) and the trader's saved positions (`risk-graph` topic),
 * plus which of them the trader has hidden from the graph. Every getter returns the same object
 * until that part changes, for useSyncExternalStore.
 */
export class WhatIfStore {
  private positions: readonly WhatIfPosition[] = [];
  private open: readonly JournalPosition[] = [];
  private saved: readonly SavedPositionDto[] = [];
  private hidden: ReadonlySet<string> = new Set();
  private seq = 0;
  readonly notifier = new FrameNotifier();

  subscribe = (listener: () => void): (() => void) => this.notifier.subscribe(listener);
  getPositions = (): readonly WhatIfPosition[] => this.positions;
  getOpen = (): readonly JournalPosition[] => this.open;
  getSaved = (): readonly SavedPositionDto[] => this.saved;
  /** Risk ids (`open:…`, `whatif:…`, `saved:…`) the trader switched off. */
  getHidden = (): ReadonlySet<string> => this.hidden;

  add(symbol: string, tile: HeatmapTile, quantity = 1, now = Date.now()): WhatIfPosition {
    const position: WhatIfPosition = { id: `w${++this.seq}`, symbol, tile, quantity, addedAt: now };
    this.positions = [...this.positions, position];
    this.notifier.notify();
    return position;
  }

  setQuantity(id: string, quantity: number): void {
    this.positions = this.positions.map((p) => (p.id === id ? { ...p, quantity } : p));
    this.notifier.notify();
  }

  remove(id: string): void {
    this.positions = this.positions.filter((p) => p.id !== id);
    this.notifier.notify();
  }

  clear(): void {
    this.positions = [];
    this.notifier.notify();
  }

  /** The journal's whole list of open trades (each event is the full list). */
  setOpen(positions: readonly JournalPosition[]): void {
    this.open = positions;
    this.notifier.notify();
  }

  /** The trader's whole list of saved positions (each event is the full list). */
  setSaved(positions: readonly SavedPositionDto[]): void {
    this.saved = positions;
    this.notifier.notify();
  }

  /** A saved position as the server answered it, shown before the topic brings the list. */
  upsertSaved(position: SavedPositionDto): void {
    const others = this.saved.filter((p) => p.id !== position.id);
    this.saved = [...others, position].sort((a, b) => a.createdAt - b.createdAt);
    this.notifier.notify();
  }

  removeSaved(id: string): void {
    this.saved = this.saved.filter((p) => p.id !== id);
    this.notifier.notify();
  }

  setVisible(riskId: string, visible: boolean): void {
    if (visible === !this.hidden.has(riskId)) return;
    const next = new Set(this.hidden);
    if (visible) next.delete(riskId);
    else next.add(riskId);
    this.hidden = next;
    this.notifier.notify();
  }
}
