import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { formatOf, RecordingParser, type RowError } from './recording-parser.js';
import type { Tick, TickSource } from './tick-source.js';

export interface ReplayOptions {
  file: string;
  /** 1 = the recording's own pace, 10 = ten times faster, 0 = as fast as possible. */
  speed: number;
  onBadRow: (error: RowError) => void;
  onEnd: (summary: { ticks: number; badRows: number; error?: Error }) => void;
}

/**
 * Plays a recorded tick file (NDJSON or CSV, see `RecordingParser`) line by line, waiting the
 * recorded gap between rows divided by `speed`. Bad rows are reported with their line number and
 * skipped; an unreadable file ends the replay with an error, never the process.
 */
export class ReplaySource implements TickSource {
  readonly name = 'replay';
  private stopped = false;
  private wake: (() => void) | undefined;
  private timer: NodeJS.Timeout | undefined;
  private done: Promise<void> = Promise.resolve();

  constructor(private readonly options: ReplayOptions) {}

  start(onTick: (tick: Tick) => void): void {
    this.done = this.play(onTick);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.wake?.();
    await this.done;
  }

  private async play(onTick: (tick: Tick) => void): Promise<void> {
    const parser = new RecordingParser(formatOf(this.options.file));
    let ticks = 0;
    let badRows = 0;
    let previousTs: number | undefined;
    let line = 0;
    const input = createReadStream(this.options.file, { encoding: 'utf8' });
    const lines = createInterface({ input, crlfDelay: Infinity });
    try {
      for await (const text of lines) {
        if (this.stopped) break;
        line++;
        const result = parser.parse(text, line);
        if (result.kind === 'skip') continue;
        if (result.kind === 'error') {
          badRows++;
          this.options.onBadRow(result.error);
          continue;
        }
        const { tick } = result;
        if (previousTs !== undefined && this.options.speed > 0) await this.sleep((tick.ts - previousTs) / this.options.speed);
        if (this.stopped) break;
        previousTs = tick.ts;
        ticks++;
        onTick(tick);
      }
      this.options.onEnd({ ticks, badRows });
    } catch (error) {
      this.options.onEnd({ ticks, badRows, error: error as Error });
    } finally {
      lines.close();
      input.destroy();
    }
  }

  private sleep(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      this.wake = resolve;
      this.timer = setTimeout(resolve, ms);
    });
  }
}
