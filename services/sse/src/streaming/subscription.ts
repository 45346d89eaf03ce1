import { isSymbol, isTopicName, SSE_ALL_ROUTE, SSE_GROUP_ROUTES, SSE_SYMBOL_ROUTES, topicNames, type TopicName } from '@marketswarm/shared/events';

/** What one SSE connection follows: its topics and, on per-symbol routes, one symbol. */
export interface Subscription {
  route: string;
  topics: TopicName[];
  symbol: string | undefined;
}

export type SubscriptionResult = { ok: true; subscription: Subscription } | { ok: false; status: 400 | 404; message: string };

export function resolveSubscription(path: string, topicsQuery: unknown): SubscriptionResult {
  const parts = path.replace(/^\/sse\/?/, '').split('/').filter(Boolean);
  const [name, symbol, ...rest] = parts;
  if (name === SSE_ALL_ROUTE && parts.length === 1) return resolveAll(topicsQuery);
  const groupTopics = name === undefined ? undefined : SSE_GROUP_ROUTES.get(name);
  if (name && parts.length === 1 && groupTopics) {
    return { ok: true, subscription: { route: name, topics: [...groupTopics], symbol: undefined } };
  }
  const symbolTopic = name === undefined ? undefined : SSE_SYMBOL_ROUTES.get(name);
  if (name && symbol !== undefined && rest.length === 0 && symbolTopic) {
    let upper: string;
    try {
      upper = decodeURIComponent(symbol).toUpperCase();
    } catch {
      return { ok: false, status: 400, message: `symbol "${symbol}" is not valid URL encoding` };
    }
    if (!isSymbol(upper)) return { ok: false, status: 400, message: `symbol "${symbol}" is not a ticker such as SPX` };
    return { ok: true, subscription: { route: name, topics: [symbolTopic], symbol: upper } };
  }
  return { ok: false, status: 404, message: `no stream at ${path}` };
}

function resolveAll(topicsQuery: unknown): SubscriptionResult {
  if (topicsQuery === undefined || topicsQuery === '') {
    return { ok: true, subscription: { route: 'all', topics: [...topicNames], symbol: undefined } };
  }
  if (typeof topicsQuery !== 'string') return { ok: false, status: 400, message: 'topics: give one comma-separated list' };
  const topics = new Set<TopicName>();
  for (const name of topicsQuery.split(',').map((t) => t.trim()).filter(Boolean)) {
    const routeTopics = SSE_GROUP_ROUTES.get(name);
    if (routeTopics) routeTopics.forEach((t) => topics.add(t));
    else if (isTopicName(name)) topics.add(name);
    else return { ok: false, status: 400, message: `topics: unknown topic "${name}" (topics: ${topicNames.join(', ')}; groups: ${[...SSE_GROUP_ROUTES.keys()].join(', ')})` };
  }
  if (topics.size === 0) return { ok: false, status: 400, message: 'topics: name at least one topic' };
  return { ok: true, subscription: { route: 'all', topics: topicNames.filter((t) => topics.has(t)), symbol: undefined } };
}
