/** Where the heatmap's one tooltip points: a tile key and the cell's box within the area the tooltip must stay in (the viewport). */
export interface TooltipAnchor {
  key: string;
  /** The cell's box relative to that area, px. */
  top: number;
  bottom: number;
  left: number;
  /** The area's size, px, to keep the tooltip inside it. */
  panelWidth: number;
  panelHeight: number;
}

/**
 * The hovered or focused cell, outside React state so that moving the pointer over the grid
 * re-renders the tooltip alone, never the grid.
 */
export class TooltipTarget {
  private anchor: TooltipAnchor | undefined;
  private readonly listeners = new Set<() => void>();

  get = (): TooltipAnchor | undefined => this.anchor;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  show(anchor: TooltipAnchor): void {
    const a = this.anchor;
    if (a !== undefined && a.key === anchor.key && a.top === anchor.top && a.left === anchor.left) return;
    this.anchor = anchor;
    this.emit();
  }

  hide(): void {
    if (this.anchor === undefined) return;
    this.anchor = undefined;
    this.emit();
  }

  private emit(): void {
    for (const fn of [...this.listeners]) fn();
  }
}

/** Tooltip size assumed for placement, px: its CSS width, and the height of its longest content (a wrapped theo line and IV). */
export const TOOLTIP_SIZE = { width: 240, height: 200 };

/**
 * Where to put the tooltip for `anchor`: below the cell, or above it when it would run past the
 * panel's bottom; left-aligned with the cell but never past the panel's right edge.
 */
export function placeTooltip(anchor: TooltipAnchor, size = TOOLTIP_SIZE): { top: number; left: number } {
  const gap = 4;
  const below = anchor.bottom + gap;
  const top = below + size.height > anchor.panelHeight && anchor.top - gap - size.height >= 0 ? anchor.top - gap - size.height : below;
  const left = Math.max(0, Math.min(anchor.left, anchor.panelWidth - size.width));
  return { top, left };
}
