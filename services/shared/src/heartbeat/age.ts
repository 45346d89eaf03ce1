/** Seconds from `ts` to `now`, to a tenth, never negative (a writer's clock may run a little ahead). */
export function ageSec(ts: number, now: number): number {
  return Math.max(0, Math.round((now - ts) / 100) / 10);
}
