import { FrameNotifier } from './frame-notifier';

/**
 * A bounded list, newest first, that never holds the same item twice: a resumed stream cannot
 * duplicate what the page already shows, even if a producer repeats itself.
 */
export class FeedStore<T> {
  private items: T[] = [];
  private readonly seen = new Set<string>();
  readonly notifier = new FrameNotifier();

  constructor(
    private readonly keyOf: (item: T) => string,
    private readonly limit = 200,
  ) {}

  subscribe = (listener: () => void): (() => void) => this.notifier.subscribe(listener);

  /** Adds the item unless one with its key is already there; answers whether it was new. */
  add(item: T): boolean {
    const key = this.keyOf(item);
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    const next = [item, ...this.items];
    for (const dropped of next.splice(this.limit)) this.seen.delete(this.keyOf(dropped));
    this.items = next;
    this.notifier.notify();
    return true;
  }

  getItems = (): readonly T[] => this.items;

  clear(): void {
    this.items = [];
    this.seen.clear();
    this.notifier.notify();
  }
}
