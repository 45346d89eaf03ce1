import { makeTile, type HeatmapTile } from '@marketswarm/shared/models';
import { describe, expect, it } from 'vitest';
import { breakevenAlertBody, checkLogTrade, checkSave, legMids, levelAlertBody, priceField } from './risk-forms';
import { parseEach } from './risk-book-stream';
import { journalPositionSchema } from '@marketswarm/shared/dto';

const CLOSE = Date.UTC(2026, 0, 2, 21);
const NEXT = Date.UTC(2026, 0, 5, 21);

function tile(strategy: Parameters<typeof makeTile>[0], strike: number, debit: number, expiry = CLOSE): HeatmapTile {
  const t = makeTile(strategy, 0, strategy.startsWith('single') ? 0 : 5, strike, debit, expiry, 0.2);
  if (t === undefined) throw new Error('bad tile');
  return t;
}

describe('legMids', () => {
  const tiles = [tile('single-call', 5000, 12.4), tile('single-call', 5005, 9.85), tile('single-put', 5000, 11.1), tile('single-call', 5000, 20, NEXT), tile('vertical-call', 5000, 2.55)];

  it('prices each leg from the single-option tile at its strike, right and date', () => {
    const legs = [
      { expiry: '2026-01-02', strike: 5000, right: 'call' as const },
      { expiry: '2026-01-02', strike: 5005, right: 'call' as const },
      { expiry: '2026-01-02', strike: 5000, right: 'put' as const },
      { expiry: '2026-01-05', strike: 5000, right: 'call' as const },
    ];
    expect(legMids(legs, tiles)).toEqual([12.4, 9.85, 11.1, 20]);
  });

  it('has no mid for a leg off the heatmap, or without a heatmap', () => {
    expect(legMids([{ expiry: '2026-01-02', strike: 5100, right: 'call' }], tiles)).toEqual([undefined]);
    expect(legMids([{ expiry: '2026-01-02', strike: 5000, right: 'call' }], undefined)).toEqual([undefined]);
  });

  it('shows a mid with two decimals and an unknown one empty', () => {
    expect(priceField(12.345)).toBe('12.35');
    expect(priceField(undefined)).toBe('');
  });
});

describe('checkLogTrade', () => {
  it('sends the typed prices and commission', () => {
    expect(checkLogTrade({ prices: ['12.40', ' 9.85 '], commission: '0.65' })).toEqual({ ok: true, body: { prices: [12.4, 9.85], commission: 0.65 } });
  });

  it('sends no prices when all are empty, so the journal takes the live mids', () => {
    expect(checkLogTrade({ prices: ['', ''], commission: '' })).toEqual({ ok: true, body: { commission: 0 } });
  });

  it('asks for every price once one is typed', () => {
    const r = checkLogTrade({ prices: ['12.40', ''], commission: '' });
    expect(r).toEqual({ ok: false, errors: { 'prices.1': 'enter a price for every leg, or leave them all empty for the live mids' } });
  });

  it('names the field the journal’s schema refuses, in its words', () => {
    const r = checkLogTrade({ prices: ['-1', 'abc'], commission: '0.1234567' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors['prices.0']).toBe('must not be negative');
    expect(r.errors['prices.1']).toBe('must be a number');
    expect(r.errors['commission']).toBe('must be a decimal number with at most 6 decimals');
  });
});

describe('checkSave', () => {
  const body = { name: 'fly', symbol: 'SPX', legs: [{ expiry: '2026-01-02', strike: 5000, right: 'call' as const, ratio: 1 }], quantity: 1, entryPrice: 2.5 };

  it('accepts a named what-if', () => {
    expect(checkSave(body)).toEqual({ ok: true, body });
  });

  it('puts the schema’s message on the name', () => {
    expect(checkSave({ ...body, name: '   ' })).toEqual({ ok: false, errors: { name: 'must not be empty' } });
    expect(checkSave({ ...body, name: 'x'.repeat(101) })).toMatchObject({ ok: false, errors: { name: 'must be at most 100 characters' } });
  });

  it('refuses a tile without an expiry date', () => {
    expect(checkSave(undefined)).toMatchObject({ ok: false });
  });
});

describe('levelAlertBody', () => {
  it('sets a chart-level alert at a clicked price, named as a level', () => {
    expect(levelAlertBody('SPX', 5021.004, 5000, 'chart-level', ['w1', 'saved-2'])).toEqual({
      kind: 'price',
      symbol: 'SPX',
      level: 5021,
      direction: 'above',
      source: 'chart-level',
      label: 'SPX level 5021.00',
      sourceRef: 'w1,saved-2',
    });
  });
});

describe('breakevenAlertBody', () => {
  it('alerts on the way up to a breakeven above spot, and down to one below', () => {
    expect(breakevenAlertBody('SPX', 5007.654, 5000, ['s1'])).toEqual({
      kind: 'price',
      symbol: 'SPX',
      level: 5007.65,
      direction: 'above',
      source: 'breakeven',
      label: 'SPX breakeven 5007.65',
      sourceRef: 's1',
    });
    expect(breakevenAlertBody('SPX', 4992.35, 5000, [])).toMatchObject({ direction: 'below' });
    expect(breakevenAlertBody('SPX', 4992.35, 5000, [])).not.toHaveProperty('sourceRef');
  });

  it('alerts on any cross when spot is unknown or on the level', () => {
    expect(breakevenAlertBody('SPX', 5000, undefined, []).direction).toBe('cross');
    expect(breakevenAlertBody('SPX', 5000, 5000, []).direction).toBe('cross');
  });
});

describe('parseEach', () => {
  it('keeps the valid items of a streamed list and skips a malformed one', () => {
    const good = { id: 't1', logId: 'l1', symbol: 'SPX', strategy: 'x', side: 'long', quantity: 1, openedAt: 1, legs: [] };
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      expect(parseEach([good, { id: 't2' }], (x) => journalPositionSchema.safeParse(x), 'positions')).toEqual([good]);
    } finally {
      console.warn = warn;
    }
  });
});
