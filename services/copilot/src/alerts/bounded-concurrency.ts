/**
 * Runs `task` over every lane, at most `limit` lanes at a time, the items of one lane one after
 * another. Resolves only once every started task has ended, then rejects with the first error if
 * any failed: a caller that commits after it never commits while work it started is still running.
 */
export async function forEachLane<T>(lanes: ReadonlyArray<readonly T[]>, limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    for (let lane = lanes[next++]; lane !== undefined; lane = lanes[next++]) {
      for (const item of lane) {
        if (failure) return;
        try {
          await task(item);
        } catch (error) {
          failure ??= { error };
          return;
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, lanes.length)) }, worker));
  if (failure) throw failure.error;
}

/** Items grouped by `keyOf`, each group in the order the items came, groups in order of first appearance. */
export function lanesBy<T>(items: Iterable<T>, keyOf: (item: T) => string): T[][] {
  const lanes = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const lane = lanes.get(key);
    if (lane) lane.push(item);
    else lanes.set(key, [item]);
  }
  return [...lanes.values()];
}
