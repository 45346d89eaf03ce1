import type { JournalPosition, SavedPositionDto } from '@marketswarm/shared/dto';
import type { HeatmapTile, PositionLeg } from '@marketswarm/shared/models';
import { FrameNotifier } from '../stores/frame-notifier';

/**
 * A position the trader is considering, made from a heatmap tile or a strategy template; lives with
 * the page until saved. It is `quantity` spreads of its legs: the tile's, until the trader edits them.
 */
export interface WhatIfPosition {
  id: string;
  symbol: string;
  /** The tile it was made from; none for a position built from a template. */
  tile?: HeatmapTile;
  quantity: number;
  /** Epoch ms it was added. */
  addedAt: number;
  /**
   * One spread's legs once edited or built from a template (quantity: signed contracts per spread;
   * entryPrice: each leg's own price per unit). They replace the tile's legs.
   */
  legs?: readonly PositionLeg[];
  /** Its name when built from a template; a tile's is derived from the tile. */
  name?: string;
  /** IV quoted with it (the tile's, or at the template's strike), the IV slider's default. */
  iv?: number;
}

/** A template-built position's parts (see WhatIfStore.addLegs). */
export interface WhatIfLegsInput {
  symbol: string;
  name: string;
  legs: readonly PositionLeg[];
  quantity?: number;
  iv?: number;
}

/** The tile a what-if still stands for: none once its legs were edited (or it never had one). */
export const untouchedTile = (p: WhatIfPosition): HeatmapTile | undefined => (p.legs === undefined ? p.tile : undefined);

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

  /** A position built from legs (a template), not from a tile. */
  addLegs(input: WhatIfLegsInput, now = Date.now()): WhatIfPosition {
    const position: WhatIfPosition = {
      id: `w${++this.seq}`,
      symbol: input.symbol,
      quantity: input.quantity ?? 1,
      addedAt: now,
      legs: input.legs,
      name: input.name,
      ...(input.iv === undefined ? {} : { iv: input.iv }),
    };
    this.positions = [...this.positions, position];
    this.notifier.notify();
    return position;
  }

  /** The trader's edited legs of one spread: from now on the position is these legs, not its tile's. */
  setLegs(id: string, legs: readonly PositionLeg[]): void {
    this.positions = this.positions.map((p) => (p.id === id ? { ...p, legs } : p));
    this.notifier.notify();
  }

  /** The tile keys the symbol's unedited what-ifs stand for (the heatmap marks those tiles). */
  tileKeys(symbol: string): Set<string> {
    const keys = new Set<string>();
    for (const p of this.positions) {
      const tile = untouchedTile(p);
      if (p.symbol === symbol && tile !== undefined) keys.add(tile.key);
    }
    return keys;
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
