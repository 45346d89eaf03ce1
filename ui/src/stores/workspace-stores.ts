import type { TopicName, TopicPayload } from '@marketswarm/shared/events';
import type { StreamHub } from '../stream/stream-hub';
import { CandleStore } from './candle-store';
import { FeedStore } from './feed-store';
import { HeatmapStore } from './heatmap-store';
import { KeyedStore } from './keyed-store';

export interface SpotQuote {
  symbol: string;
  price: number;
  prevClose: number | undefined;
  /** Event time, epoch ms. */
  ts: number;
}

export type ModeState = TopicPayload<'mode'>;
export type BiasState = TopicPayload<'bias'>;
export type SelectorState = TopicPayload<'selector'>;
export type GexState = TopicPayload<'gex'>;
export type IntelItem = TopicPayload<'intel'> & { ts: number };
export type VexyItem = TopicPayload<'vexy'> & { ts: number };
export type AlertItem = TopicPayload<'alerts'> & { ts: number };

/** Everything the workspace streams in, kept outside React; panels read it through hooks. */
export interface WorkspaceStores {
  spot: KeyedStore<SpotQuote>;
  mode: KeyedStore<ModeState>;
  bias: KeyedStore<BiasState>;
  selector: KeyedStore<SelectorState>;
  gex: KeyedStore<GexState>;
  heatmap: HeatmapStore;
  candles: CandleStore;
  intel: FeedStore<IntelItem>;
  vexy: FeedStore<VexyItem>;
  alerts: FeedStore<AlertItem>;
  riskGraph: KeyedStore<TopicPayload<'risk-graph'>>;
  trades: FeedStore<TopicPayload<'trades'> & { ts: number }>;
}

/** Key of market state that may or may not name a symbol (mode and bias may be market-wide). */
export const MARKET_WIDE = '_';

/** vexy items have no id; the producer's seq identifies them, else time and text. */
export const vexyKey = (v: VexyItem): string => (v.seq === undefined ? `${v.ts}:${v.text}` : `seq:${v.seq}`);

/**
 * Creates the stores and routes the hub's topics into them. `resyncHeatmap` is called when a diff
 * arrives that does not follow the version held (a gap): the caller fetches a REST snapshot.
 */
export function createWorkspaceStores(hub: StreamHub, resyncHeatmap: (symbol: string) => void): { stores: WorkspaceStores; dispose: () => void } {
  const stores: WorkspaceStores = {
    spot: new KeyedStore(),
    mode: new KeyedStore(),
    bias: new KeyedStore(),
    selector: new KeyedStore(),
    gex: new KeyedStore(),
    heatmap: new HeatmapStore(resyncHeatmap),
    candles: new CandleStore(),
    intel: new FeedStore((i) => i.id),
    vexy: new FeedStore(vexyKey),
    alerts: new FeedStore((a) => a.id, 50),
    riskGraph: new KeyedStore(),
    trades: new FeedStore((t) => t.id, 100),
  };
  const off = [
    hub.on('spot', (e) => stores.spot.set(e.data.symbol, { symbol: e.data.symbol, price: e.data.price, prevClose: e.data.prevClose, ts: e.ts })),
    hub.on('mode', (e) => stores.mode.set(e.data.symbol ?? MARKET_WIDE, e.data)),
    hub.on('bias', (e) => stores.bias.set(e.data.symbol ?? MARKET_WIDE, e.data)),
    hub.on('selector', (e) => stores.selector.set(e.data.symbol, e.data)),
    hub.on('gex', (e) => stores.gex.set(e.data.symbol, e.data)),
    hub.on('heatmap', (e) => stores.heatmap.apply(e.data)),
    hub.on('candles', (e) => stores.candles.upsert(e.data.symbol, e.data.interval, e.data)),
    hub.on('intel', (e) => void stores.intel.add({ ...e.data, ts: e.ts })),
    hub.on('vexy', (e) => void stores.vexy.add({ ...e.data, ts: e.ts })),
    hub.on('alerts', (e) => void stores.alerts.add({ ...e.data, ts: e.ts })),
    hub.on('risk-graph', (e) => stores.riskGraph.set('mine', e.data)),
    hub.on('trades', (e) => void stores.trades.add({ ...e.data, ts: e.ts })),
    hub.onReset((topic) => resetTopic(stores, topic)),
  ];
  return { stores, dispose: () => off.forEach((fn) => fn()) };
}

/**
 * Before a reset topic's fresh snapshot arrives, state the page can no longer trust is dropped.
 * Feeds are kept: their items are keyed, so the snapshot's copies are not shown twice.
 */
function resetTopic(stores: WorkspaceStores, topic: TopicName | '*'): void {
  const all = topic === '*';
  if (all || topic === 'heatmap') stores.heatmap.reset();
  if (all || topic === 'gex') stores.gex.clear();
  if (all || topic === 'selector') stores.selector.clear();
  if (all || topic === 'risk-graph') stores.riskGraph.clear();
}
