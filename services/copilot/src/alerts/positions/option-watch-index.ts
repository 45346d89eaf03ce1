/**
 * Which watchers (position alerts, prompt alerts on a user's P&L) depend on which options, per
 * underlying: a heatmap diff re-marks only the watchers of the options it changed, in
 * O(changed options + their watchers), not every position alert of the symbol.
 */
export class OptionWatchIndex {
  private readonly bySymbol = new Map<string, Map<string, Set<string>>>();
  private readonly watched = new Map<string, { symbol: string; keys: readonly string[] }>();

  /** Replaces what `id` watches: the option keys of one underlying. */
  set(id: string, symbol: string, keys: Iterable<string>): void {
    this.remove(id);
    const unique = [...new Set(keys)];
    let options = this.bySymbol.get(symbol);
    if (!options) this.bySymbol.set(symbol, (options = new Map<string, Set<string>>()));
    for (const key of unique) {
      let ids = options.get(key);
      if (!ids) options.set(key, (ids = new Set()));
      ids.add(id);
    }
    this.watched.set(id, { symbol, keys: unique });
  }

  remove(id: string): void {
    const entry = this.watched.get(id);
    if (!entry) return;
    this.watched.delete(id);
    const options = this.bySymbol.get(entry.symbol);
    if (!options) return;
    for (const key of entry.keys) {
      const ids = options.get(key);
      ids?.delete(id);
      if (ids?.size === 0) options.delete(key);
    }
    if (options.size === 0) this.bySymbol.delete(entry.symbol);
  }

  /** The watchers of any of `keys` on `symbol`. */
  touched(symbol: string, keys: Iterable<string>): Set<string> {
    const found = new Set<string>();
    const options = this.bySymbol.get(symbol);
    if (!options) return found;
    for (const key of keys) for (const id of options.get(key) ?? []) found.add(id);
    return found;
  }

  /** Every watcher of `symbol` (a full model replaced its heatmap). */
  all(symbol: string): Set<string> {
    const found = new Set<string>();
    for (const ids of this.bySymbol.get(symbol)?.values() ?? []) for (const id of ids) found.add(id);
    return found;
  }

  /** The underlyings somebody watches. */
  symbols(): IterableIterator<string> {
    return this.bySymbol.keys();
  }

  watches(symbol: string): boolean {
    return this.bySymbol.has(symbol);
  }

  get size(): number {
    return this.watched.size;
  }
}
