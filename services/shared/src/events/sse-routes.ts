import type { TopicName } from './topics.js';

/**
 * The gateway's stream routes (docs/API.md, "Streams"), shared by the gateway that serves them and
 * the UI that opens them. Maps, not object literals: route names come from URLs, and a plain
 * object would answer `constructor` or `__proto__` with something that is not a route.
 */
export const SSE_PREFIX = '/sse';

const GROUP_ROUTES = [
  ['market', ['spot', 'candles', 'mode', 'bias', 'selector']],
  ['intel', ['intel']],
  ['alerts', ['alerts']],
  ['vexy', ['vexy']],
  ['risk-graph', ['risk-graph']],
  ['trades', ['trades']],
] as const satisfies readonly (readonly [string, readonly TopicName[]])[];

const SYMBOL_ROUTES = [
  ['heatmap', 'heatmap'],
  ['gex', 'gex'],
  ['candles', 'candles'],
] as const satisfies readonly (readonly [string, TopicName])[];

export type SseGroupRoute = (typeof GROUP_ROUTES)[number][0];
export type SseSymbolRoute = (typeof SYMBOL_ROUTES)[number][0];

/** Named routes and the topics each carries; `/sse/all?topics=` accepts these names too. */
export const SSE_GROUP_ROUTES: ReadonlyMap<string, readonly TopicName[]> = new Map<string, readonly TopicName[]>(GROUP_ROUTES);

/** Per-symbol routes, `/sse/<name>/<SYMBOL>`, each carrying one topic filtered to that symbol. */
export const SSE_SYMBOL_ROUTES: ReadonlyMap<string, TopicName> = new Map<string, TopicName>(SYMBOL_ROUTES);

/** The multiplexed route: any set of topics and group names in `?topics=`. */
export const SSE_ALL_ROUTE = 'all';

export function sseGroupPath(route: SseGroupRoute): string {
  return `${SSE_PREFIX}/${route}`;
}

export function sseSymbolPath(route: SseSymbolRoute, symbol: string): string {
  return `${SSE_PREFIX}/${route}/${encodeURIComponent(symbol)}`;
}

export function sseAllPath(topics: readonly string[]): string {
  return `${SSE_PREFIX}/${SSE_ALL_ROUTE}?topics=${topics.map(encodeURIComponent).join(',')}`;
}

/** The topics a named route carries. */
export function sseGroupTopics(route: SseGroupRoute): readonly TopicName[] {
  return SSE_GROUP_ROUTES.get(route) ?? [];
}
