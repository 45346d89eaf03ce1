import { Inject, Injectable, Optional, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { MelSnapshot } from '@marketswarm/shared/dto';
import type { Logger } from '@marketswarm/shared/logger';
import { SERVICE_CONTEXT } from '@marketswarm/shared/nest';
import type { ServiceContext } from '@marketswarm/shared/service';
import { copilotSettings, type CopilotSettings } from '@marketswarm/shared/truth';
import { MarketReader } from '../market/market-reader.js';
import { DteInterest } from './dte-interest.js';
import { MarketWindowReader, melInputsOf } from './market-window.js';
import { melSnapshotOf } from './mel-snapshot.js';

/** The clock MEL stamps and scores with; specs inject a fixed one. */
export const MEL_CLOCK = Symbol('MEL_CLOCK');
export type MelClock = () => number;

/** Always computed, watched or not: the header's status bar shows it. */
const ALWAYS_DTE = 0;
/** A DTE nobody has watched or asked for in this long loses its history (DTE 0 never does). */
export const MEL_IDLE_DTE_MS = 10 * 60_000;

/**
 * Recomputes MEL every `settings.melIntervalMs` for DTE 0 and each DTE a client watches, from one
 * read of the market per cycle shared by every DTE, and keeps `settings.melHistorySize` snapshots
 * per DTE in memory (history restarts with the process: it describes the last hour, not a record).
 * The history of a DTE nobody has watched or asked for in `MEL_IDLE_DTE_MS` is dropped at the next
 * cycle, so memory follows the DTEs in use rather than every DTE ever asked for.
 */
@Injectable()
export class MelService implements OnModuleInit, OnModuleDestroy {
  private readonly settings: CopilotSettings;
  private readonly logger: Logger;
  private readonly window: MarketWindowReader;
  private readonly histories = new Map<number, MelSnapshot[]>();
  private readonly interest: DteInterest;
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
    this.interest = new DteInterest({ always: ALWAYS_DTE, idleMs: MEL_IDLE_DTE_MS, clock: () => this.clock() });
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
    this.interest.touch(dte);
    const current = this.current(dte);
    if (current && (this.interest.isComputed(dte) || this.clock() - current.ts < this.settings.melIntervalMs)) return current;
    await this.recompute([dte]);
    const computed = this.current(dte);
    if (!computed) throw new Error(`MEL computed no snapshot for DTE ${dte}`);
    return computed;
  }

  current(dte: number): MelSnapshot | null {
    return this.histories.get(dte)?.at(-1) ?? null;
  }

  /** Up to `limit` of the DTE's latest snapshots, oldest first; reading it keeps it `MEL_IDLE_DTE_MS` longer. */
  history(dte: number, limit: number): MelSnapshot[] {
    if (this.histories.has(dte)) this.interest.touch(dte);
    return (this.histories.get(dte) ?? []).slice(-limit);
  }

  /** Called with every new snapshot, of every DTE; returns the unsubscribe. */
  onUpdate(listener: (snapshot: MelSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** Keeps the DTE computed each cycle until every watcher has called the release it returns (once each). */
  watch(dte: number): () => void {
    return this.interest.watch(dte);
  }

  /** The DTEs each cycle computes. */
  dtes(): number[] {
    return this.interest.computed();
  }

  /** The DTEs a history is kept for. */
  keptDtes(): number[] {
    return [...this.histories.keys()].sort((a, b) => a - b);
  }

  /** One cycle now for the given DTEs (all computed ones by default), after the cycle in flight. */
  async recompute(dtes: readonly number[] = this.dtes()): Promise<void> {
    while (this.cycle) await this.cycle;
    this.cycle = this.compute(dtes).finally(() => (this.cycle = undefined));
    await this.cycle;
  }

  private async compute(dtes: readonly number[]): Promise<void> {
    for (const dte of this.interest.idle(this.histories.keys())) this.histories.delete(dte);
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
