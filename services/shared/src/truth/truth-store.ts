import type { Redis } from 'ioredis';
import { truthDocSchema, type TruthDoc } from './truth-doc.schema.js';
import { TruthError } from './truth-problem.js';

/** The key names are a fixed point of the architecture (operators and tools read them by name). */
export const TRUTH_KEYS = {
  doc: 'truth:doc',
  version: 'truth:version',
  ts: 'truth:ts',
  reloadChannel: 'truth:reload',
} as const;

/**
 * On a Redis Cluster the three keys live in different slots, where neither MULTI nor MGET may span
 * them: there the version is written last, after the document it names, and read first.
 */
function isCluster(redis: Redis): boolean {
  return (redis as { isCluster?: boolean }).isCluster === true;
}

export interface StoredTruth {
  doc: TruthDoc;
  version: string;
  ts: number;
}

/** Writes the three truth keys in one MULTI, then tells running services to reload. */
export async function writeTruth(redis: Redis, doc: TruthDoc, version: string, now = Date.now()): Promise<void> {
  if (isCluster(redis)) {
    await redis.set(TRUTH_KEYS.doc, JSON.stringify(doc));
    await redis.set(TRUTH_KEYS.ts, String(now));
    await redis.set(TRUTH_KEYS.version, version);
    await redis.publish(TRUTH_KEYS.reloadChannel, version);
    return;
  }
  const result = await redis
    .multi()
    .set(TRUTH_KEYS.doc, JSON.stringify(doc))
    .set(TRUTH_KEYS.version, version)
    .set(TRUTH_KEYS.ts, String(now))
    .publish(TRUTH_KEYS.reloadChannel, version)
    .exec();
  const failed = result?.find(([error]) => error);
  if (!result || failed) throw new Error(`writing truth failed: ${failed?.[0]?.message ?? 'transaction aborted'}`);
}

/** Reads and validates the loaded truth; `null` when none was loaded yet. */
export async function readTruth(redis: Redis): Promise<StoredTruth | null> {
  const [doc, version, ts] = isCluster(redis)
    ? await (async () => {
        const v = await redis.get(TRUTH_KEYS.version);
        return [await redis.get(TRUTH_KEYS.doc), v, await redis.get(TRUTH_KEYS.ts)];
      })()
    : await redis.mget(TRUTH_KEYS.doc, TRUTH_KEYS.version, TRUTH_KEYS.ts);
  if (doc == null || version == null) return null;
  let json: unknown;
  try {
    json = JSON.parse(doc);
  } catch (error) {
    throw new TruthError([{ file: `redis ${TRUTH_KEYS.doc}`, path: '$', reason: `not valid JSON: ${(error as Error).message}` }]);
  }
  const parsed = truthDocSchema.safeParse(json);
  if (!parsed.success) {
    throw new TruthError(
      parsed.error.issues.map((i) => ({ file: `redis ${TRUTH_KEYS.doc}`, path: `$.${i.path.join('.')}`, reason: i.message })),
    );
  }
  return { doc: parsed.data, version, ts: Number(ts ?? 0) };
}
