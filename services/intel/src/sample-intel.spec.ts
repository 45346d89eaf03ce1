import { describe, expect, it } from 'vitest';
import { intelPayloadSchema } from '@marketswarm/shared/events';
import { buildSampleIntel, SAMPLE_SOURCES, type SampleMarket } from './sample-intel.js';

const NOW = Date.parse('2026-12-04T19:42:31Z');
const HOUR = 3_600_000;
const WATCHED = ['SPX', 'NDX', 'RUT', 'VIX', 'SPY', 'QQQ'];
const MARKET: SampleMarket = { spots: { SPX: 5004.37, NDX: 17_512.8, RUT: 2031.2, VIX: 14.62, SPY: 499.41, QQQ: 427.06 } };

/** Every number written in a text ("5,004.37", "14.62"), as numbers. */
const numbersIn = (text: string) => [...text.matchAll(/\d[\d,]*(?:\.\d+)?/g)].map((m) => Number(m[0].replaceAll(',', '')));

describe(buildSampleIntel.name, () => {
  const items = buildSampleIntel(NOW, MARKET, WATCHED);

  it('marks every item as sample, from a source that says Sample, and valid for the intel topic', () => {
    expect(items.length).toBe(7);
    for (const item of items) {
      expect(item.sample).toBe(true);
      expect(item.source).toMatch(/Sample/);
      expect(intelPayloadSchema.safeParse(item).success).toBe(true);
    }
    expect(new Set(items.map((i) => i.source))).toEqual(new Set(Object.values(SAMPLE_SOURCES)));
  });

  it('dates every item within the last six hours, oldest first', () => {
    for (const item of items) {
      expect(item.published).toBeLessThanOrEqual(NOW);
      expect(item.published).toBeGreaterThanOrEqual(NOW - 6 * HOUR - 60_000);
    }
    const times = items.map((i) => i.published);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('writes SPX levels near SPX 5,004, rounded to its strikes and round levels, and never a 6,000 wall', () => {
    const spx = items.filter((i) => i.tickers[0] === 'SPX');
    expect(spx.map((i) => i.title)).toEqual(['SPX holds 5,000, with 5,050 overhead', '0DTE butterflies cluster at the SPX 5,005 strike']);
    for (const item of spx) {
      for (const n of numbersIn(`${item.title} ${item.summary ?? ''}`).filter((n) => n > 1000)) expect(Math.abs(n - 5004.37)).toBeLessThan(60);
    }
  });

  it('keeps every level within a few percent of its own symbol', () => {
    const bySlug = new Map(items.map((i) => [i.id.split(':').at(-1), i]));
    expect(bySlug.get('vix-tone')?.title).toBe('VIX stays subdued near 14.62');
    expect(bySlug.get('ndx-tech')?.title).toBe('Megacap tech keeps NDX near 17,500');
    expect(bySlug.get('ndx-tech')?.summary).toContain('QQQ 427 calls');
    expect(bySlug.get('rut-pivot')?.title).toBe('Small caps: RUT pivots around 2,025');
    expect(bySlug.get('spy-range')?.title).toBe('SPY holds a 498–501 range');
  });

  it('names the producer’s GEX walls with the GEX panel’s words when it has them', () => {
    const withGex = buildSampleIntel(NOW, { ...MARKET, gex: { SPX: [{ kind: 'call-wall', level: 5050 }, { kind: 'put-wall', level: 4950 }, { kind: 'flip', level: 4987.6 }] } }, WATCHED);
    const walls = withGex.find((i) => i.id.endsWith(':spx-walls'));
    expect(walls?.title).toBe('SPX trades between the put wall 4,950 and the call wall 5,050');
    expect(walls?.summary).toBe('Dealer gamma is largest at 5,050 (call wall) and 4,950 (put wall). The gamma flip sits near 4,988.');
  });

  it('leaves out items about symbols without a price, keeping the note that explains the sample', () => {
    const only = buildSampleIntel(NOW, { spots: { SPX: 5004.37 } }, WATCHED);
    expect(only.map((i) => i.id)).toEqual(['sample:2026-12-04:spx-levels', 'sample:2026-12-04:spx-0dte-flies', 'sample:2026-12-04:about']);
    expect(buildSampleIntel(NOW, { spots: {} }, WATCHED).map((i) => i.title)).toEqual(['Sample intel, written around the simulated market']);
  });

  it('is the same for the same minute and prices, and names the day in its ids', () => {
    expect(buildSampleIntel(NOW + 20_000, MARKET, WATCHED)).toEqual(items);
    expect(items.every((i) => i.id.startsWith('sample:2026-12-04:'))).toBe(true);
    expect(buildSampleIntel(NOW + 24 * HOUR, MARKET, WATCHED)[0]?.id).toMatch(/^sample:2026-12-05:/);
  });

  it('lists the tickers its text mentions', () => {
    expect(items.find((i) => i.id.endsWith(':ndx-tech'))?.tickers).toEqual(['NDX', 'QQQ']);
  });
});
