import { createWriteStream, type WriteStream } from 'node:fs';
import type { Tick } from './tick-source.js';

/** Appends published ticks as NDJSON rows (`{"ts","symbol","price","size"}`), the format replay reads back. */
export class TickRecorder {
  private readonly out: WriteStream;

  constructor(file: string, onError: (error: Error) => void) {
    this.out = createWriteStream(file, { flags: 'a', encoding: 'utf8' });
    this.out.on('error', onError);
  }

  write(ticks: readonly Tick[]): void {
    if (ticks.length === 0) return;
    this.out.write(ticks.map((t) => JSON.stringify({ ts: t.ts, symbol: t.symbol, price: t.price, size: t.size })).join('\n') + '\n');
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.out.end(resolve));
  }
}
