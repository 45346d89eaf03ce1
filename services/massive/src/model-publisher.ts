import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { Counter, Histogram, type Registry } from 'prom-client';
import { publishEvents, readSnapshot, SeqCounter } from '@marketswarm/shared/bus';
import type { TopicPayloadInput } from '@marketswarm/shared/events';
import { diffHeatmap, heatmapSnapshot, type HeatmapTiles } from '@marketswarm/shared/models';
import type { TopicRoute } from '@marketswarm/shared/truth';
import { buildSymbolModels, TILE_BAND_STRIKES, type SymbolModels } from './market-models.js';
import { buildOptionChain, CHAIN_LAYOUTS, type ChainLayout } from './option-chain.js';

export type ModelTopic = 'gex' | 'heatmap' | 'mode' | 'bias' | 'selector';
export type ModelRoutes = Record<ModelTopic, TopicRoute>;

const HISTORY = 600;
/** Options whose ATM vol VIX measures (SPY tracks SPX a tenth the size). */
const VIX_PRICED: ReadonlySet<string> = new Set(['SPX', 'SPY']);

/** What one symbol's models are built from, taken when its cycle starts. */
interface CycleInput {
  symbol: string;
  layout: ChainLayout;
  spot: number;
  prices: number[];
  atmVol: number;
}

/**
 * Each time market time (the ticks' timestamps) crosses a `modelIntervalMs` boundary: prices each
 * optionable symbol's chain at its latest spot and publishes
 * GEX, the heatmap (a full snapshot first, then versioned diffs), market mode, bias/LFI and the
 * trade selector. The heatmap's snapshot hash always holds the full model at the version of the
 * newest diff, written in the same MULTI, so a new client never starts from a diff.
 * Driven by tick time, not a wall-clock timer, so replaying a recording rebuilds the same models.
 */
export class ModelPublisher {
  private readonly history = new Map<string, number[]>();
  private readonly heatmaps = new Map<string, { version: number; tiles: HeatmapTiles }>();
  /** One seq per cycle and symbol, shared by the five model topics of that cycle. */
  private seq = new SeqCounter();
  private intervalMs = 0;
  private bucket: number | undefined;
  private queue: Promise<void> = Promise.resolve();
  private readonly published: Counter;
  private readonly duration: Histogram;

  constructor(
    private readonly redis: Redis,
    private readonly routes: ModelRoutes,
    private readonly logger: Logger,
    registry: Registry,
    /** List Saturday and Sunday expiries (the demo clock's market trades every day). */
    private readonly options: { weekendExpiries?: boolean } = {},
  ) {
    this.published = new Counter({ name: 'massive_models_published_total', help: 'Model events published', labelNames: ['topic'], registers: [registry] });
    this.duration = new Histogram({ name: 'massive_model_cycle_seconds', help: 'Time to build one symbol\'s models in a cycle', labelNames: ['symbol'], buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1], registers: [registry] });
  }

  /** Called with every published tick; a tick in a new model interval runs a cycle at its start. */
  observe(symbol: string, price: number, ts: number): void {
    let prices = this.history.get(symbol);
    if (!prices) this.history.set(symbol, (prices = []));
    prices.push(price);
    if (prices.length > HISTORY) prices.splice(0, prices.length - HISTORY);
    if (this.intervalMs <= 0) return;
    const bucket = Math.floor(ts / this.intervalMs);
    if (this.bucket !== undefined && bucket > this.bucket) this.schedule(bucket * this.intervalMs);
    this.bucket = bucket;
  }

  /**
   * Takes the cycle's inputs now (prices as of this tick, so later ticks cannot leak into it) and
   * queues building and publishing, one symbol at a time with a turn of the event loop between
   * them: a cycle prices thousands of tiles per symbol, and built in one go it would hold back the
   * spot ticks this process publishes every second. Cycles still publish in order.
   */
  private schedule(at: number): void {
    const inputs = this.inputs();
    this.queue = this.queue
      .then(() => this.runCycle(inputs, at))
      .catch((error: unknown) => this.logger.error({ err: (error as Error).message }, 'model cycle failed'));
  }

  /**
   * After a restart: continues seq numbers after the highest any model topic published, and heatmap
   * versions from the snapshot hash (the restart then publishes a fresh full snapshot at the next
   * version, so clients re-sync; a corrupt entry is simply replaced by it).
   */
  async resume(): Promise<void> {
    const [seq, heatmaps] = await Promise.all([SeqCounter.resume(this.redis, ...Object.values(this.routes)), readSnapshot(this.redis, this.routes.heatmap, 'heatmap')]);
    this.seq = seq;
    for (const { data } of heatmaps.events) this.heatmaps.set(data.symbol, { version: data.version, tiles: {} });
    if (heatmaps.skipped.length > 0) this.logger.warn({ skipped: heatmaps.skipped }, 'heatmap snapshot entries skipped on resume');
  }

  start(intervalMs: number): void {
    this.intervalMs = intervalMs;
  }

  async stop(): Promise<void> {
    this.intervalMs = 0;
    await this.queue;
  }

  /** Each optionable symbol's spot, recent prices (a copy) and ATM vol, as of now. */
  private inputs(): CycleInput[] {
    const vix = this.history.get('VIX')?.at(-1);
    const inputs: CycleInput[] = [];
    for (const [symbol, layout] of Object.entries(CHAIN_LAYOUTS)) {
      const prices = this.history.get(symbol);
      const spot = prices?.at(-1);
      if (!prices || spot === undefined) continue;
      const atmVol = VIX_PRICED.has(symbol) && vix ? vix / 100 : layout.atmVol;
      inputs.push({ symbol, layout, spot, prices: [...prices], atmVol });
    }
    return inputs;
  }

  private async runCycle(inputs: readonly CycleInput[], now: number): Promise<void> {
    for (const input of inputs) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      const models = this.build(input, now);
      const seq = this.seq.next();
      const { symbol } = input;
      await this.publish('gex', { ...models.gex, seq }, now);
      await this.publish('mode', { symbol, ...models.mode, seq }, now);
      await this.publish('bias', { symbol, ...models.bias, seq }, now);
      await this.publish('selector', { symbol, ideas: models.ideas, seq }, now);
      await this.publishHeatmap(symbol, models.tiles, seq, now);
    }
  }

  private build({ symbol, layout, spot, prices, atmVol }: CycleInput, now: number): SymbolModels {
    const stop = this.duration.startTimer({ symbol });
    const chain = buildOptionChain(spot, now, layout, atmVol, symbol, { weekends: this.options.weekendExpiries ?? false });
    const models = buildSymbolModels(symbol, spot, chain, prices, now, { widths: layout.widths, strikeStep: layout.strikeStep, bandStrikes: TILE_BAND_STRIKES });
    stop();
    return models;
  }

  private async publish<T extends Exclude<ModelTopic, 'heatmap'>>(topic: T, data: TopicPayloadInput<T>, now: number): Promise<void> {
    await publishEvents(this.redis, this.routes[topic], [{ topic, type: 'model', ts: now, data }]);
    this.published.inc({ topic });
  }

  private async publishHeatmap(symbol: string, tiles: HeatmapTiles, seq: number, now: number): Promise<void> {
    const previous = this.heatmaps.get(symbol);
    const version = (previous?.version ?? 0) + 1;
    const full = heatmapSnapshot(symbol, version, tiles);
    const streamed = previous && Object.keys(previous.tiles).length > 0 ? diffHeatmap(symbol, previous.version, previous.tiles, tiles) : full;
    await publishEvents(this.redis, this.routes.heatmap, [{ topic: 'heatmap', type: streamed.kind, ts: now, data: { ...streamed, seq } }], {
      snapshotOf: () => ({ topic: 'heatmap', type: 'snapshot', ts: now, data: { ...full, seq } }),
    });
    this.heatmaps.set(symbol, { version, tiles });
    this.published.inc({ topic: 'heatmap' });
  }
}
