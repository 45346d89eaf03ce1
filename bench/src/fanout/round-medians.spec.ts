import { describe, expect, it } from 'vitest';
import { medianFigures, medianRatios, type RoundFigures } from './round-medians.js';

const round = (server: RoundFigures['server'], p99Ms: number, cpuPerMillion: number | null = 10): RoundFigures => ({
  server,
  scenario: '5000×10/s',
  cpuPerMillion,
  p50Ms: 1,
  p99Ms,
  rssPerConnection: 9000,
  marginalPerConnection: null,
  deliveriesPerSec: 50_000,
});

describe('round medians', () => {
  it('takes the median of each figure over one server’s rounds, so one noisy round does not decide', () => {
    const figures = medianFigures([round('ours', 40), round('ours', 900), round('ours', 50), round('nchan', 1)], 'ours', '5000×10/s');
    expect(figures).toMatchObject({ rounds: 3, p99Ms: 50, cpuPerMillion: 10 });
  });

  it('averages the two middle rounds of an even count and skips figures a round lacks', () => {
    const figures = medianFigures([round('ours', 40, null), round('ours', 60, 12), round('ours', 100, 14), round('ours', 10, null)], 'ours', '5000×10/s');
    expect(figures.p99Ms).toBe(50);
    expect(figures.cpuPerMillion).toBe(13);
    expect(figures.marginalPerConnection).toBeNull();
  });

  it('divides ours by the peer, median by median, and has no ratio for a scenario one side never ran', () => {
    const rounds = [round('ours', 30, 9), round('ours', 50, 11), round('nchan', 100, 20), round('nchan', 60, 20), round('nchan', 80, 20)];
    expect(medianRatios(rounds, 'nchan', '5000×10/s')).toMatchObject({ p99Ms: 0.5, cpuPerMillion: 0.5, rssPerConnection: 1 });
    expect(medianRatios(rounds, 'baseline', '5000×10/s')).toBeNull();
  });
});
