import type { Redis } from 'ioredis';

/**
 * One publish as a single script that remembers it ran: ioredis resends a command whose reply it
 * did not get when the connection drops (a Redis restart closes it right after executing), and a
 * plain MULTI resent would append every event a second time. The script records the ids it
 * appended under the publish's token; sent again, it answers those ids and writes nothing.
 *
 * KEYS: the token key, the stream, and the snapshot hash when the topic keeps one.
 * ARGV: token TTL, MAXLEN, event count, then per event its field count, its fields, and the
 * snapshot field and value ('' and '' when none).
 */
const APPEND_ONCE = `
local done = redis.call('GET', KEYS[1])
if done then return cjson.decode(done) end
local n = tonumber(ARGV[3])
local i = 4
local ids = {}
for e = 1, n do
  local count = tonumber(ARGV[i])
  local xadd = {'XADD', KEYS[2], 'MAXLEN', '~', ARGV[2], '*'}
  for f = 1, count do xadd[#xadd + 1] = ARGV[i + f] end
  i = i + count + 1
  ids[e] = redis.call(unpack(xadd))
  if ARGV[i] ~= '' then redis.call('HSET', KEYS[3], ARGV[i], ARGV[i + 1]) end
  i = i + 2
end
redis.call('SET', KEYS[1], cjson.encode(ids), 'EX', ARGV[1])
return ids
`;

/** Long enough for any reconnect to resend; short enough that tokens cost nothing to keep. */
const TOKEN_TTL_SEC = 120;

export interface AppendEntry {
  fields: readonly string[];
  /** The snapshot hash field and value this event sets, when the topic keeps a snapshot. */
  snapshot?: { field: string; value: string };
}

interface AppendOnceClient {
  appendOnce(numKeys: number, ...args: (string | number)[]): Promise<string[]>;
}

/**
 * The token's key shares the stream's hash slot (a Redis Cluster runs a script on one node only):
 * the stream's own `{tag}` when it has one, else the whole stream name as the tag.
 */
export function tokenKey(stream: string, token: string): string {
  const tag = /\{[^}]+\}/.exec(stream)?.[0] ?? `{${stream}}`;
  return `${tag}:publish:${token}`;
}

/** Appends entries (and their snapshot fields) at most once per token; returns the stream ids in order. */
export async function appendOnce(redis: Redis, target: { stream: string; maxlen: number; snapshot?: string | undefined }, token: string, entries: readonly AppendEntry[]): Promise<string[]> {
  const client = redis as unknown as Partial<AppendOnceClient> & Redis;
  // defineCommand keeps the script cached per client and falls back from EVALSHA after a restart.
  if (typeof client.appendOnce !== 'function') client.defineCommand('appendOnce', { lua: APPEND_ONCE });
  const keys = [tokenKey(target.stream, token), target.stream, ...(target.snapshot ? [target.snapshot] : [])];
  const args: (string | number)[] = [TOKEN_TTL_SEC, target.maxlen, entries.length];
  for (const entry of entries) {
    args.push(entry.fields.length, ...entry.fields);
    args.push(entry.snapshot?.field ?? '', entry.snapshot?.value ?? '');
  }
  const ids = await (client as unknown as AppendOnceClient).appendOnce(keys.length, ...keys, ...args);
  return ids.map(String);
}
