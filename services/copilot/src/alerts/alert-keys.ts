/**
 * The engine's keys in system Redis. All share the `{system}` hash tag, so the Lua scripts that
 * touch several of them at once (fenced state commit, publish-once) stay legal on Redis Cluster.
 */
export const ALERTS_LEADER_KEY = '{system}:copilot:alerts:leader';
export const ALERTS_STATE_KEY = '{system}:copilot:alerts:state';
export const ALERTS_OUTBOX_KEY = '{system}:copilot:alerts:outbox';
const PUBLISHED_PREFIX = '{system}:copilot:alerts:published:';

/** Set once per hit id when its `alerts` event went out; kept long past any replay of the hit. */
export function publishedMarkerKey(hitId: string): string {
  return `${PUBLISHED_PREFIX}${hitId}`;
}

export const PUBLISHED_MARKER_TTL_MS = 30 * 24 * 3600 * 1000;

/** The market streams the engine follows, when truth names no route for their topic. */
export const DEFAULT_MARKET_STREAMS = {
  spot: '{market}:stream:spot',
  gex: '{market}:stream:gex',
  heatmap: '{market}:stream:heatmap',
} as const;

export const DEFAULT_MARKET_SNAPSHOTS = {
  spot: '{market}:snapshot:spot',
  gex: '{market}:snapshot:gex',
  heatmap: '{market}:snapshot:heatmap',
} as const;

/** The journal's per-user book streams the engine follows, when truth names no route for their topic. */
export const DEFAULT_BOOK_STREAMS = {
  positions: '{system}:stream:positions',
  riskGraph: '{system}:stream:risk-graph',
} as const;
