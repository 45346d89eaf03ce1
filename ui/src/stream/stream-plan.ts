import type { TopicName } from '@marketswarm/shared/events';

/** One EventSource: the gateway route and the topics it delivers. */
export interface StreamSpec {
  /** Stable identity: a spec with the same key and path is the same stream. */
  key: string;
  path: string;
  topics: readonly TopicName[];
}

const MARKET_TOPICS = ['spot', 'candles', 'mode', 'bias', 'selector'] as const satisfies readonly TopicName[];

/** The workspace's streams for the watched symbol, one per panel group (the routes of docs/API.md). */
export function workspaceStreams(symbol: string): StreamSpec[] {
  const sym = encodeURIComponent(symbol);
  return [
    { key: 'market', path: '/sse/market', topics: MARKET_TOPICS },
    { key: 'heatmap', path: `/sse/heatmap/${sym}`, topics: ['heatmap'] },
    { key: 'gex', path: `/sse/gex/${sym}`, topics: ['gex'] },
    { key: 'intel', path: '/sse/intel', topics: ['intel'] },
    { key: 'vexy', path: '/sse/vexy', topics: ['vexy'] },
    { key: 'alerts', path: '/sse/alerts', topics: ['alerts'] },
    { key: 'risk-graph', path: '/sse/risk-graph', topics: ['risk-graph'] },
    { key: 'trades', path: '/sse/trades', topics: ['trades'] },
  ];
}

/**
 * The same topics on the single `/sse/all` connection. Symbol routes become whole topics (every
 * symbol's heatmap), which costs bandwidth but keeps HTTP/1.1 pages to one connection.
 */
export function multiplexStreams(specs: readonly StreamSpec[]): StreamSpec[] {
  const topics = [...new Set(specs.flatMap((s) => s.topics))].sort();
  if (topics.length === 0) return [];
  return [{ key: 'all', path: `/sse/all?topics=${topics.join(',')}`, topics }];
}
