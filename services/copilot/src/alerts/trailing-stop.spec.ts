import { describe, expect, it } from 'vitest';
import { stepTrailingStop } from './trailing-stop.js';

describe(stepTrailingStop.name, () => {
  it('arms a long stop at the first price without firing', () => {
    expect(stepTrailingStop({ side: 'long', trail: 10, trailUnit: 'points' }, undefined, 5000)).toEqual({ best: 5000, stop: 4990, fired: false });
  });

  it('trails a long stop 10 points under the high and fires when the price falls to it', () => {
    const spec = { side: 'long', trail: 10, trailUnit: 'points' } as const;
    const up = stepTrailingStop(spec, 5000, 5020); // new high 5020 → stop 5010
    expect(up).toEqual({ best: 5020, stop: 5010, fired: false });
    expect(stepTrailingStop(spec, up.best, 5011).fired).toBe(false);
    expect(stepTrailingStop(spec, up.best, 5010)).toEqual({ best: 5020, stop: 5010, fired: true });
  });

  it('mirrors a short stop above the low, in percent (1 % of 4000 = 40)', () => {
    const spec = { side: 'short', trail: 1, trailUnit: 'percent' } as const;
    const down = stepTrailingStop(spec, 4100, 4000);
    expect(down.best).toBe(4000);
    expect(down.stop).toBeCloseTo(4040, 9);
    expect(stepTrailingStop(spec, 4000, 4039).fired).toBe(false);
    expect(stepTrailingStop(spec, 4000, 4045).fired).toBe(true);
  });
});
