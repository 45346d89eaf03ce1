/**
 * Runs tasks one after another per key, in the order they were queued; different keys do not wait
 * for each other. A failed task does not stop the ones queued after it. A key's chain is dropped
 * once it has run dry, so the map holds only keys with work pending.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<void>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Keys with a task queued or running. */
  get pending(): number {
    return this.tails.size;
  }
}
