/**
 * Reads that many catch-ups want at once, sent once. After a gateway restart thousands of clients
 * reconnect within a second or two, and nearly all of them ask Redis the same questions: the
 * bounds of the same stream, the entries after the same position. Each distinct read is sent once
 * per event-loop turn and its answer goes to everyone who asked for it in that turn.
 *
 * Why only callers of the same turn: a caller registered its connection before asking, so the
 * read must be sent after it asked. A read already on its way may predate the connection, and an
 * entry added between that read and the connection's registration would reach neither.
 */
export class SharedReads {
  private waiting = new Map<string, { run: () => Promise<unknown>; waiters: { resolve(value: unknown): void; reject(error: unknown): void }[] }>();
  private scheduled = false;

  /** `run`'s answer, shared with every caller of the same `key` before the read is sent. */
  read<T>(key: string, run: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let batch = this.waiting.get(key);
      if (!batch) this.waiting.set(key, (batch = { run, waiters: [] }));
      batch.waiters.push({ resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.send());
      }
    });
  }

  private send(): void {
    const batches = this.waiting;
    this.waiting = new Map();
    this.scheduled = false;
    for (const { run, waiters } of batches.values()) {
      run().then(
        (value) => {
          for (const w of waiters) w.resolve(value);
        },
        (error: unknown) => {
          for (const w of waiters) w.reject(error);
        },
      );
    }
  }
}
