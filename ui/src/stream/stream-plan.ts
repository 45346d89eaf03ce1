import { sseAllPath, sseGroupPath, sseGroupTopics, sseSymbolPath, type SseGroupRoute, type TopicName } from '@marketswarm/shared/events';

/** One EventSource: the gateway route and the topics it delivers. */
export interface StreamSpec {
  /** Stable identity: a spec with the same key and path is the same stream. */
  key: string;
  path: string;
  topics: readonly TopicName[];
}

/** The workspace's streams for the watched symbol, one per panel group (the routes of docs/API.md). */
export function workspaceStreams(symbol: string): StreamSpec[] {
  const group = (key: SseGroupRoute): StreamSpec => ({ key, path: sseGroupPath(key), topics: sseGroupTopics(key) });
  return [
    group('market'),
    { key: 'heatmap', path: sseSymbolPath('heatmap', symbol), topics: ['heatmap'] },
    { key: 'gex', path: sseSymbolPath('gex', symbol), topics: ['gex'] },
    group('intel'),
    group('vexy'),
    group('alerts'),
    // The trader's open trades (`positions`, no route of its own) ride with the saved positions on one stream.
    { key: 'risk-graph', path: sseAllPath(['positions', 'risk-graph']), topics: ['positions', 'risk-graph'] },
    group('trades'),
  ];
}

/**
 * The same topics on the single `/sse/all` connection. Symbol routes become whole topics (every
 * symbol's heatmap), which costs bandwidth but keeps HTTP/1.1 pages to one connection.
 */
export function multiplexStreams(specs: readonly StreamSpec[]): StreamSpec[] {
  const topics = [...new Set(specs.flatMap((s) => s.topics))].sort();
  if (topics.length === 0) return [];
  return [{ key: 'all', path: sseAllPath(topics), topics }];
}
