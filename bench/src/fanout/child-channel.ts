import { createInterface } from 'node:readline';
import type { BenchProcess } from './processes.js';

/** A command without its id: the channel numbers them. */
export type CommandBody<C extends { id: number }> = C extends unknown ? Omit<C, 'id'> : never;

type Reply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };

/**
 * Request/answer over a child process's stdin/stdout, one JSON object a line, matched by id: how
 * the orchestrator drives its load-generator processes.
 */
export class ChildChannel<C extends { id: number }> {
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();

  constructor(readonly process: BenchProcess) {
    const stdout = process.child.stdout;
    if (!stdout) throw new Error(`${process.name} has no stdout`);
    createInterface({ input: stdout }).on('line', (line) => {
      let message: Reply;
      try {
        message = JSON.parse(line) as Reply;
      } catch {
        return;
      }
      const waiter = this.waiting.get(message.id);
      if (!waiter) return;
      this.waiting.delete(message.id);
      if (message.ok) waiter.resolve(message.result);
      else waiter.reject(new Error(`${process.name}: ${message.error}`));
    });
    void process.exited.then((code) => {
      for (const waiter of this.waiting.values()) waiter.reject(new Error(`${process.name} exited with ${code}: ${process.output()}`));
      this.waiting.clear();
    });
  }

  send<T>(body: CommandBody<C>): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      if (!this.process.isRunning()) {
        reject(new Error(`${this.process.name} is not running: ${this.process.output()}`));
        return;
      }
      this.waiting.set(id, { resolve, reject });
      this.process.child.stdin?.write(`${JSON.stringify({ ...body, id })}\n`);
    });
  }
}
