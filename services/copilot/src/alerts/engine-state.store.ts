import type { Redis } from 'ioredis';
import { ALERTS_LEADER_KEY, ALERTS_STATE_KEY } from './alert-keys.js';

/**
 * Writes the changed fields only while the lease still carries our token: the check and the writes
 * are one script, so no other instance can take over between them.
 */
const COMMIT = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
local sets = tonumber(ARGV[2])
for i = 0, sets - 1 do redis.call('HSET', KEYS[2], ARGV[3 + 2 * i], ARGV[4 + 2 * i]) end
for j = 3 + 2 * sets, #ARGV do redis.call('HDEL', KEYS[2], ARGV[j]) end
return 1`;

export interface LastPrice {
  price: number;
  ts: number;
}

/** What the engine resumes from: where it was in each stream, and what it had seen and armed. */
export interface EngineState {
  cursors: Map<string, string>;
  prices: Map<string, LastPrice>;
  /** Trailing stops: the best price since each was armed. */
  trailing: Map<string, number>;
  /** Position alerts: the previous mark (for `cross`). */
  marks: Map<string, number>;
}

export interface StateChanges {
  cursors: Map<string, string>;
  prices: Map<string, LastPrice>;
  trailing: Map<string, number>;
  marks: Map<string, number>;
  /** Trailing stops and marks of alerts that are gone. */
  forget: Set<string>;
}

export function emptyChanges(): StateChanges {
  return { cursors: new Map(), prices: new Map(), trailing: new Map(), marks: new Map(), forget: new Set() };
}

export function hasChanges(changes: StateChanges): boolean {
  return changes.cursors.size + changes.prices.size + changes.trailing.size + changes.marks.size + changes.forget.size > 0;
}

/** The engine's state in one hash of system Redis, one field per cursor, symbol and armed alert. */
export class EngineStateStore {
  constructor(
    private readonly redis: Redis,
    private readonly key = ALERTS_STATE_KEY,
    private readonly leaderKey = ALERTS_LEADER_KEY,
  ) {}

  async load(): Promise<EngineState> {
    const fields = await this.redis.hgetall(this.key);
    const state: EngineState = { cursors: new Map(), prices: new Map(), trailing: new Map(), marks: new Map() };
    for (const [field, value] of Object.entries(fields)) {
      const colon = field.indexOf(':');
      const kind = field.slice(0, colon);
      const name = field.slice(colon + 1);
      if (kind === 'cursor') state.cursors.set(name, value);
      else if (kind === 'price') {
        const [price, ts] = value.split('@').map(Number);
        if (Number.isFinite(price) && Number.isFinite(ts)) state.prices.set(name, { price: price as number, ts: ts as number });
      } else if (kind === 'trail' && Number.isFinite(Number(value))) state.trailing.set(name, Number(value));
      else if (kind === 'mark' && Number.isFinite(Number(value))) state.marks.set(name, Number(value));
    }
    return state;
  }

  /** True when written; false when the lease is no longer ours (nothing was written). */
  async commit(token: string, changes: StateChanges): Promise<boolean> {
    const sets: string[] = [];
    for (const [stream, id] of changes.cursors) sets.push(`cursor:${stream}`, id);
    for (const [symbol, last] of changes.prices) sets.push(`price:${symbol}`, `${last.price}@${last.ts}`);
    for (const [alertId, best] of changes.trailing) sets.push(`trail:${alertId}`, String(best));
    for (const [alertId, mark] of changes.marks) sets.push(`mark:${alertId}`, String(mark));
    const dels: string[] = [];
    for (const alertId of changes.forget) {
      if (!changes.trailing.has(alertId)) dels.push(`trail:${alertId}`);
      if (!changes.marks.has(alertId)) dels.push(`mark:${alertId}`);
    }
    const written = await this.redis.eval(COMMIT, 2, this.leaderKey, this.key, token, String(sets.length / 2), ...sets, ...dels);
    return Number(written) === 1;
  }
}
