import type { HeatmapTile } from '@marketswarm/shared/models';
import { FrameNotifier } from '../stores/frame-notifier';

/** A position the trader is considering, made from a heatmap tile (persisted by the journal later). */
export interface WhatIfPosition {
  id: string;
  symbol: string;
  tile: HeatmapTile;
  quantity: number;
  /** Epoch ms it was added. */
  addedAt: number;
}

/** The page's what-if positions; lives as long as the page (the journal issue persists positions). */
export class WhatIfStore {
  private positions: readonly WhatIfPosition[] = [];
  private seq = 0;
  readonly notifier = new FrameNotifier();

  subscribe = (listener: () => void): (() => void) => this.notifier.subscribe(listener);
  getPositions = (): readonly WhatIfPosition[] => this.positions;

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
}
