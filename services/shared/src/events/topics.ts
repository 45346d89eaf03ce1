import { z } from 'zod';
import type { BusName } from './bus-name.js';

export const topicNames = [
  'spot',
  'candles',
  'heatmap',
  'gex',
  'mode',
  'bias',
  'selector',
  'intel',
  'vexy',
  'alerts',
  'trades',
  'positions',
  'risk-graph',
] as const;
export const topicNameSchema = z.enum(topicNames);
export type TopicName = z.infer<typeof topicNameSchema>;

/**
 * How a topic is delivered:
 * - `scope: 'user'` events carry `user` and reach only that user's connections;
 * - `snapshot: 'latest-by-key'` keeps the newest event per key (symbol, or user) so a new tab renders at once;
 * - `snapshot: 'recent'` has no snapshot key: the last N stream entries are the snapshot.
 */
export interface TopicSpec {
  readonly bus: BusName;
  readonly scope: 'all' | 'symbol' | 'user';
  readonly snapshot: 'latest-by-key' | 'recent' | 'none';
  readonly description: string;
}

export const topicSpecs: Readonly<Record<TopicName, TopicSpec>> = {
  spot: { bus: 'market', scope: 'all', snapshot: 'latest-by-key', description: 'Spot price ticks per symbol' },
  candles: { bus: 'market', scope: 'all', snapshot: 'latest-by-key', description: 'OHLC candles per symbol and interval' },
  heatmap: { bus: 'market', scope: 'symbol', snapshot: 'latest-by-key', description: 'Options heatmap model, full then diffs' },
  gex: { bus: 'market', scope: 'symbol', snapshot: 'latest-by-key', description: 'Gamma exposure by strike' },
  mode: { bus: 'market', scope: 'all', snapshot: 'latest-by-key', description: 'Market mode (compression/transition/expansion)' },
  bias: { bus: 'market', scope: 'all', snapshot: 'latest-by-key', description: 'Directional bias and LFI' },
  selector: { bus: 'market', scope: 'all', snapshot: 'latest-by-key', description: 'Ranked trade ideas' },
  intel: { bus: 'intel', scope: 'all', snapshot: 'recent', description: 'News and intel items' },
  vexy: { bus: 'intel', scope: 'all', snapshot: 'recent', description: 'Play-by-play commentary' },
  alerts: { bus: 'system', scope: 'user', snapshot: 'latest-by-key', description: "A user's alerts" },
  trades: { bus: 'system', scope: 'user', snapshot: 'none', description: "A user's trade events" },
  positions: { bus: 'system', scope: 'user', snapshot: 'latest-by-key', description: "A user's open positions" },
  'risk-graph': { bus: 'system', scope: 'user', snapshot: 'latest-by-key', description: "A user's risk graph positions" },
};

export function isTopicName(value: string): value is TopicName {
  return (topicNames as readonly string[]).includes(value);
}
