import { CrossingIndex, type CrossingEntry } from '@marketswarm/copilot/dist/alerts/index/crossing-index.js';
import type { Tick } from '../tick-stream.js';

export interface ExpectedFire {
  alert: CrossingEntry;
  /** Index of the tick that crosses it. */
  tick: number;
}

/**
 * What the engine must fire for these ticks: each `once` alert the first time a tick passes its
 * level, then never again. Computed here with the index (which part A checked against the linear
 * scan) so the run can count what arrived, what is missing and what came twice.
 */
export function expectedFires(alerts: readonly CrossingEntry[], ticks: readonly Tick[]): ExpectedFire[] {
  const index = new CrossingIndex();
  for (const alert of alerts) index.upsert(alert);
  const fires: ExpectedFire[] = [];
  ticks.forEach((tick, n) => {
    for (const alert of index.crossed(tick.symbol, tick.from, tick.price)) {
      index.remove(alert.id);
      fires.push({ alert, tick: n });
    }
  });
  return fires;
}
