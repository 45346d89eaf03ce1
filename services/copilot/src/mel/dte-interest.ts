export interface DteInterestOptions {
  /** Computed and kept whatever happens (the header's status bar shows it). */
  always: number;
  /** A DTE nobody has watched or asked for in this long is forgotten. */
  idleMs: number;
  clock: () => number;
}

/**
 * Which DTEs MEL computes each cycle and which it keeps a history for. A DTE is computed while a
 * socket watches it; its history is kept until nobody has watched or asked for it in `idleMs`, so
 * the DTEs clients once asked for (0–60, each with up to `melHistorySize` snapshots) do not pile
 * up for the life of the process.
 */
export class DteInterest {
  private readonly watchers = new Map<number, number>();
  private readonly lastUse = new Map<number, number>();

  constructor(private readonly options: DteInterestOptions) {}

  /** Keeps the DTE computed until every watcher has called the release it returns (once each). */
  watch(dte: number): () => void {
    this.watchers.set(dte, (this.watchers.get(dte) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.watchers.get(dte) ?? 1) - 1;
      if (left > 0) {
        this.watchers.set(dte, left);
      } else {
        this.watchers.delete(dte);
        // Idle from when the last watcher left, not from when the first came.
        this.touch(dte);
      }
    };
  }

  /** The DTE was asked for (a snapshot, its history): its history is kept `idleMs` longer. */
  touch(dte: number): void {
    this.lastUse.set(dte, this.options.clock());
  }

  /** The DTEs each cycle computes: the one always computed and every watched one, ascending. */
  computed(): number[] {
    return [...new Set([this.options.always, ...this.watchers.keys()])].sort((a, b) => a - b);
  }

  isComputed(dte: number): boolean {
    return dte === this.options.always || this.watchers.has(dte);
  }

  /**
   * Of the DTEs `kept`, those nobody has watched or asked for in `idleMs` (or ever), which the
   * caller drops; they are forgotten here too.
   */
  idle(kept: Iterable<number>): number[] {
    const now = this.options.clock();
    const idle: number[] = [];
    for (const dte of new Set([...kept, ...this.lastUse.keys()])) {
      if (this.isComputed(dte)) continue;
      const last = this.lastUse.get(dte);
      if (last !== undefined && now - last < this.options.idleMs) continue;
      this.lastUse.delete(dte);
      idle.push(dte);
    }
    return idle.sort((a, b) => a - b);
  }
}
