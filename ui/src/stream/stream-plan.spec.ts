import { describe, expect, it } from 'vitest';
import { multiplexStreams, workspaceStreams } from './stream-plan';

describe('stream plans', () => {
  it('gives the workspace eight streams, symbol routes for the symbol models', () => {
    const plan = workspaceStreams('NDX');
    expect(plan).toHaveLength(8);
    expect(plan.map((s) => s.path)).toContain('/sse/heatmap/NDX');
    expect(plan.map((s) => s.path)).toContain('/sse/gex/NDX');
    expect(new Set(plan.map((s) => s.key)).size).toBe(8);
    expect(plan.map((s) => s.path)).toContain('/sse/all?topics=positions,risk-graph');
  });

  it('multiplexes every topic onto one /sse/all connection', () => {
    const [all, ...rest] = multiplexStreams(workspaceStreams('SPX'));
    expect(rest).toEqual([]);
    expect(all?.path).toBe('/sse/all?topics=alerts,bias,candles,gex,heatmap,intel,mode,positions,risk-graph,selector,spot,trades,vexy');
    expect(multiplexStreams([])).toEqual([]);
  });
});
