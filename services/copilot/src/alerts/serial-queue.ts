/**
 * Runs tasks one after another: market batches, sync batches, reloads and outbox drains all touch
 * the same in-memory book, so they never interleave. A failed task fails its own caller only.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(() => task());
    this.tail = result.catch(() => undefined);
    return result;
  }

  async idle(): Promise<void> {
    await this.tail;
  }
}
