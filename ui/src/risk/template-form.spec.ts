import { makeTile, type HeatmapTile } from '@marketswarm/shared/models';
import { describe, expect, it } from 'vitest';
import { buildTemplate, defaultWidth, heatmapExpiries, heatmapPrice, type TemplateFields } from './template-form';

const NOW = Date.UTC(2026, 0, 2, 15);
const CLOSE = Date.UTC(2026, 0, 2, 21);
const NEXT = Date.UTC(2026, 0, 9, 21);

function single(type: 'call' | 'put', strike: number, mid: number, expiry = CLOSE, dte = 0): HeatmapTile {
  const t = makeTile(type === 'call' ? 'single-call' : 'single-put', dte, 0, strike, mid, expiry, 0.15);
  if (t === undefined) throw new Error('bad test tile');
  return t;
}

// Call mids around 5000 today, and one 5000 call next week.
const tiles = [single('call', 4990, 14.2), single('call', 5000, 8.1), single('call', 5010, 4.3), single('put', 5000, 7.9), single('call', 5000, 31.5, NEXT, 7)];
const fields = (over: Partial<TemplateFields> = {}): TemplateFields => ({
  kind: 'butterfly',
  type: 'call',
  direction: 'long',
  strike: '5000',
  width: '10',
  wing: '',
  expiry: String(CLOSE),
  farExpiry: '',
  quantity: '2',
  ...over,
});

describe('buildTemplate', () => {
  it('builds one spread of a call fly at the heatmap’s mids, named by the template', () => {
    const built = buildTemplate(fields(), heatmapPrice(tiles), NOW);
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(built.legs).toEqual([
      { type: 'call', strike: 4990, expiry: CLOSE, quantity: 1, entryPrice: 14.2 },
      { type: 'call', strike: 5000, expiry: CLOSE, quantity: -2, entryPrice: 8.1 },
      { type: 'call', strike: 5010, expiry: CLOSE, quantity: 1, entryPrice: 4.3 },
    ]);
    expect(built.quantity).toBe(2);
    expect(built.name).toContain('butterfly call 5000 ±10');
  });

  it('builds a calendar across two expiries', () => {
    const built = buildTemplate(fields({ kind: 'calendar', farExpiry: String(NEXT), quantity: '1' }), heatmapPrice(tiles), NOW);
    expect(built.ok && built.legs.map((l) => [l.expiry, l.quantity, l.entryPrice])).toEqual([
      [CLOSE, -1, 8.1],
      [NEXT, 1, 31.5],
    ]);
  });

  it('says which leg has no live mid', () => {
    const built = buildTemplate(fields({ width: '20' }), heatmapPrice(tiles), NOW);
    expect(built.ok).toBe(false);
    if (built.ok) return;
    expect(built.errors['(root)']).toMatch(/^no price for the call 4980/);
  });

  it('checks the fields before pricing anything', () => {
    const built = buildTemplate(fields({ strike: 'x', width: '-5', quantity: '0' }), heatmapPrice(tiles), NOW);
    expect(built).toEqual({ ok: false, errors: { strike: 'must be a number', width: 'must be positive', quantity: 'must be at least 1' } });
  });

  it('wants a calendar’s far expiry after its near one', () => {
    const built = buildTemplate(fields({ kind: 'calendar', farExpiry: String(CLOSE) }), heatmapPrice(tiles), NOW);
    expect(built).toEqual({ ok: false, errors: { farExpiry: 'choose an expiry after the near one' } });
  });
});

describe('heatmap helpers', () => {
  it('lists the expiries the heatmap has single options for', () => {
    expect(heatmapExpiries(tiles)).toEqual([
      { at: CLOSE, dte: 0 },
      { at: NEXT, dte: 7 },
    ]);
  });

  it('picks a width for the index’s size', () => {
    expect(defaultWidth(5000)).toBe(10);
    expect(defaultWidth(500)).toBe(5);
    expect(defaultWidth(50)).toBe(1);
  });
});
