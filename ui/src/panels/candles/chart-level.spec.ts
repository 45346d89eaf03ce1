import { alertBodySchema, type AlertBodyInput, type AlertDto } from '@marketswarm/shared/dto';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/http';
import { chartLevelAlertBody, DEFAULT_TICK, formatLevel, levelAt, levelDirection, sendChartLevelAlert, tickOf } from './chart-level';

describe('tickOf', () => {
  it('marks SPX in quarter points and every other symbol in cents', () => {
    expect(tickOf('SPX')).toBe(0.25);
    expect(tickOf('NDX')).toBe(DEFAULT_TICK);
    expect(DEFAULT_TICK).toBe(0.01);
  });
});

describe('levelAt', () => {
  it('rounds the clicked price to the nearest quarter point on SPX', () => {
    // 5012.31 / 0.25 = 20049.24 → 20049 × 0.25 = 5012.25; 5012.38 / 0.25 = 20049.52 → 20050 × 0.25 = 5012.50
    expect(levelAt(5012.31, 0.25)).toBe(5012.25);
    expect(levelAt(5012.38, 0.25)).toBe(5012.5);
    expect(levelAt(5012.125, 0.25)).toBe(5012.25); // half a tick rounds up
    expect(levelAt(4999.9, 0.25)).toBe(5000);
  });

  it('rounds to cents elsewhere, without float noise', () => {
    expect(levelAt(18123.456, 0.01)).toBe(18123.46);
    expect(levelAt(0.1 + 0.2, 0.01)).toBe(0.3);
    expect(levelAt(1.005 * 1000, 0.01)).toBe(1005);
  });

  it('names no level off the price scale or at or below zero', () => {
    expect(levelAt(null, 0.25)).toBeUndefined();
    expect(levelAt(undefined, 0.01)).toBeUndefined();
    expect(levelAt(Number.NaN, 0.01)).toBeUndefined();
    expect(levelAt(0.1, 0.25)).toBeUndefined(); // rounds to 0
    expect(levelAt(-3, 0.01)).toBeUndefined();
  });
});

describe('levelDirection', () => {
  it('fires on the way up to a level above the last price and on the way down otherwise', () => {
    expect(levelDirection(5012.25, 5003.5)).toBe('above');
    expect(levelDirection(4990, 5003.5)).toBe('below');
    expect(levelDirection(5003.5, 5003.5)).toBe('below');
  });

  it('fires on any cross while the last price is unknown', () => {
    expect(levelDirection(5012.25, undefined)).toBe('cross');
  });
});

describe('chartLevelAlertBody', () => {
  it('is a valid price alert from the chart level, named for the alert manager', () => {
    const body = chartLevelAlertBody('SPX', 5012.25, 5003.5);
    expect(body).toEqual({ kind: 'price', symbol: 'SPX', level: 5012.25, direction: 'above', source: 'chart-level', label: 'SPX chart level 5012.25' });
    expect(alertBodySchema.safeParse(body).success).toBe(true);
  });
});

describe('formatLevel', () => {
  it('shows two decimals with grouping', () => {
    expect(formatLevel(5012.25)).toMatch(/^5.?012[.,]25$/);
    expect(formatLevel(5012.5)).toMatch(/[.,]50$/);
  });
});

const stored = (body: AlertBodyInput): AlertDto => {
  if (body.kind !== 'price') throw new Error('price alerts only');
  return {
    id: 'a1',
    kind: 'price',
    symbol: body.symbol,
    level: Number(body.level),
    direction: body.direction,
    source: body.source ?? 'manual',
    sourceRef: null,
    label: body.label ?? null,
    behaviour: 'once',
    cooldownSec: null,
    enabled: true,
    createdAt: 1,
    updatedAt: 1,
    lastFiredAt: null,
    hitCount: 0,
  };
};

describe('sendChartLevelAlert', () => {
  it('sends the body and says where and which way the alert is set', async () => {
    const sent: AlertBodyInput[] = [];
    const body = chartLevelAlertBody('SPX', 4990, 5003.5);
    const outcome = await sendChartLevelAlert((b) => {
      sent.push(b);
      return Promise.resolve(stored(b));
    }, body);
    expect(sent).toEqual([body]);
    expect(outcome).toEqual({ ok: true, text: `Alert set at ${formatLevel(4990)}, on the way down.` });
  });

  it('says the journal’s reason when it refuses the alert', async () => {
    const body = chartLevelAlertBody('SPX', 5012.25, undefined);
    const outcome = await sendChartLevelAlert(() => Promise.reject(new ApiError(400, '400: level: must be positive', [{ path: 'level', message: 'must be positive' }])), body);
    expect(outcome).toEqual({ ok: false, text: `No alert at ${formatLevel(5012.25)}: level: must be positive` });
  });

  it('says a network failure too', async () => {
    const outcome = await sendChartLevelAlert(() => Promise.reject(new Error('Failed to fetch')), chartLevelAlertBody('NDX', 18123.46, 18000));
    expect(outcome.ok).toBe(false);
    expect(outcome.text).toContain('Failed to fetch');
  });
});
