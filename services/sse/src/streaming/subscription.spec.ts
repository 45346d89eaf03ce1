import { describe, expect, it } from 'vitest';
import { resolveSubscription } from './subscription.js';

describe(resolveSubscription.name, () => {
  it('maps named routes to their topics', () => {
    expect(resolveSubscription('/sse/market', undefined)).toEqual({
      ok: true,
      subscription: { route: 'market', topics: ['spot', 'candles', 'mode', 'bias', 'selector'], symbol: undefined },
    });
    expect(resolveSubscription('/sse/risk-graph', undefined)).toMatchObject({ ok: true, subscription: { topics: ['risk-graph'] } });
  });

  it('multiplexes topics and groups on /sse/all, in canonical order without duplicates', () => {
    expect(resolveSubscription('/sse/all', 'alerts,market,spot,intel')).toMatchObject({
      ok: true,
      subscription: { route: 'all', topics: ['spot', 'candles', 'mode', 'bias', 'selector', 'intel', 'alerts'] },
    });
  });

  it('follows one symbol on per-symbol model routes', () => {
    expect(resolveSubscription('/sse/heatmap/spx', undefined)).toMatchObject({ ok: true, subscription: { topics: ['heatmap'], symbol: 'SPX' } });
  });

  it('answers 404 for unknown streams and 400 for bad queries, naming the problem', () => {
    expect(resolveSubscription('/sse/weather', undefined)).toEqual({ ok: false, status: 404, message: 'no stream at /sse/weather' });
    expect(resolveSubscription('/sse/market/SPX', undefined)).toMatchObject({ ok: false, status: 404 });
    expect(resolveSubscription('/sse/all', 'spot,weather')).toMatchObject({ ok: false, status: 400, message: expect.stringContaining('unknown topic "weather"') as string });
    expect(resolveSubscription('/sse/gex/$$$', undefined)).toMatchObject({ ok: false, status: 400 });
  });

  describe('with Object.prototype names (regression: these answered 500, or 200 with topics [null])', () => {
    const names = Object.getOwnPropertyNames(Object.prototype);

    it.each(names)('has no stream at /sse/%s, nor its per-symbol form', (name) => {
      expect(resolveSubscription(`/sse/${name}`, undefined)).toMatchObject({ ok: false, status: 404 });
      expect(resolveSubscription(`/sse/${name}/SPX`, undefined)).toMatchObject({ ok: false, status: 404 });
    });

    it.each(names)('refuses topics=%s on /sse/all with 400', (name) => {
      expect(resolveSubscription('/sse/all', name)).toMatchObject({ ok: false, status: 400, message: expect.stringContaining(`unknown topic "${name}"`) as string });
      expect(resolveSubscription('/sse/all', `spot,${name}`)).toMatchObject({ ok: false, status: 400 });
    });
  });
});
