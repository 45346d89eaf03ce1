import { Inject, Injectable, Optional, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { MelSnapshot } from '@marketswarm/shared/dto';
import type { Logger } from '@marketswarm/shared/logger';
import { SERVICE_CONTEXT } from '@marketswarm/shared/nest';
import type { ServiceContext } from '@marketswarm/shared/service';
import { copilotSettings, type CopilotSettings } from '@marketswarm/shared/truth';
import { MarketReader } from '../market/market-reader.js';
import { MarketWindowReader, melInputsOf } from './market-window.js';
import { melSnapshotOf } from './mel-snapshot.js';

/** The clock MEL stamps and scores with; specs inject a fixed one. */
export const MEL_CLOCK = Symbol('MEL_CLOCK');
export type MelClock = () => number;

/** Always computed, watched or not: the header's status bar shows it. */
const ALWAYS_DTE = 0;

/**
 * Recomputes MEL every `settings.melIntervalMs` for DTE 0 and each DTE a client watches, from one
 * read of the market per cycle shared by every DTE, and keeps `settings.melHistorySize` snapshots
 * per DTE in memory (history restarts with the process: it describes the last hour, not a record).
 */
@Injectable()
export class MelService implements OnModuleInit, OnModuleDestroy {
  private readonly settings: CopilotSettings;
  private readonly logger: Logger;
  private readonly window: MarketWindowReader;
  private readonly histories = new Map<number, MelSnapshot[]>();
  private readonly watchers = new Map<number, number>();
  private readonly listeners = new Set<(snapshot: MelSnapshot) => void>();
  private timer: NodeJS.Timeout | undefined;
  /** The cycle in flight: a slow read is never overlapped by the next tick, and a first snapshot joins it. */
  private cycle: Promise<void> | undefined;
  private stopped = false;

  constructor(
    @Inject(SERVICE_CONTEXT) ctx: ServiceContext,
    @Inject(MarketReader) reader: MarketReader,
    @Optional() @Inject(MEL_CLOCK) private readonly clock: MelClock = Date.now,
  ) {
    this.settings = ctx.settings.of(copilotSettings).settings;
    this.logger = ctx.logger.child({ module: 'mel' });
    this.window = new MarketWindowReader(reader, this.settings.melSymbol);
  }

  onModuleInit(): void {
    this.schedule();
  }

  onModuleDestroy(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /**
   * The latest snapshot of a DTE, computed now when there is none yet — or, for a DTE no cycle
   * computes, when the one kept is older than a cycle.
   */
  async snapshot(dte: number): Promise<MelSnapshot> {
    const current = this.current(dte);
    if (current && (this.dtes().includes(dte) || this.clock() - current.ts < this.settings.melIntervalMs)) return current;
    await this.recompute([dte]);
    const computed = this.current(dte);
    if (!computed) throw new Error(`MEL computed no snapshot for DTE ${dte}`);
    return computed;
  }

  current(dte: number): MelSnapshot | null {
    return this.histories.get(dte)?.at(-1) ?? null;
  }

  /** Up to `limit` of the DTE's latest snapshots, oldest first. */
  history(dte: number, limit: number): MelSnapshot[] {
    return (this.histories.get(dte) ?? []).slice(-limit);
  }

  /** Called with every new snapshot, of every DTE; returns the unsubscribe. */
  onUpdate(listener: (snapshot: MelSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** Keeps the DTE computed each cycle until every watcher has called the release it returns (once each). */
  watch(dte: number): () => void {
    this.watchers.set(dte, (this.watchers.get(dte) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.watchers.get(dte) ?? 1) - 1;
      if (left > 0) this.watchers.set(dte, left);
      else this.watchers.delete(dte);
    };
  }

  /** The DTEs each cycle computes. */
  dtes(): number[] {
    return [...new Set([ALWAYS_DTE, ...this.watchers.keys()])].sort((a, b) => a - b);
  }

  /** One cycle now for the given DTEs (all computed ones by default), after the cycle in flight. */
  async recompute(dtes: readonly number[] = this.dtes()): Promise<void> {
    while (this.cycle) await this.cycle;
    this.cycle = this.compute(dtes).finally(() => (this.cycle = undefined));
    await this.cycle;
  }

  private async compute(dtes: readonly number[]): Promise<void> {
    const window = await this.window.read(this.clock());
    for (const dte of dtes) {
      const history = this.histories.get(dte) ?? [];
      const snapshot = melSnapshotOf(melInputsOf(window, dte), history);
      history.push(snapshot);
      if (history.length > this.settings.melHistorySize) history.splice(0, history.length - this.settings.melHistorySize);
      this.histories.set(dte, history);
      for (const listener of this.listeners) {
        try {
          listener(snapshot);
        } catch (error) {
          this.logger.error({ err: error, dte }, 'MEL update listener failed');
        }
      }
    }
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.recompute()
        .catch((error: unknown) => this.logger.warn({ err: error }, 'MEL cycle failed; the next one retries'))
        .finally(() => this.schedule());
    }, this.settings.melIntervalMs);
    this.timer.unref();
  }
}
