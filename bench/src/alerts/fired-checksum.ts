/** FNV-1a of an id: a 32-bit fingerprint, so two evaluators' fired sets compare without keeping the ids. */
export function idHash(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** Order-free fingerprint of one tick's fired set: the evaluators may list the same alerts in different orders. */
export function firedSetHash(ids: readonly { id: string }[]): number {
  let sum = 0;
  for (const hit of ids) sum = (sum + idHash(hit.id)) >>> 0;
  return sum;
}

/** Folds per-tick fingerprints in tick order: a run's checksum, different if any tick fired differently. */
export function runChecksum(perTick: Uint32Array): string {
  let hash = 0x811c9dc5;
  for (const value of perTick) hash = Math.imul(hash ^ value, 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
}
