import type { AlertDto } from '@marketswarm/shared/dto';
import { describe, expect, it } from 'vitest';
import { checkAlertForm, checkAlertPatch, defaultAlertForm, formFromAlert, rawBody } from './alert-form';

const POS = '7d0c1a52-0000-4000-8000-000000000001';

describe('checkAlertForm', () => {
  it('makes a price alert by default, symbol upper-cased, once', () => {
    const r = checkAlertForm({ ...defaultAlertForm('spx'), level: '5010.5' });
    expect(r).toEqual({ ok: true, body: { kind: 'price', symbol: 'SPX', level: 5010.5, direction: 'above', source: 'manual', behaviour: 'once', enabled: true } });
  });

  it('names each missing or wrong field with the journal’s message', () => {
    const r = checkAlertForm({ ...defaultAlertForm(''), level: '' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors['level']).toBe('is required');
    expect(r.errors['symbol']).toBeDefined();
    const negative = checkAlertForm({ ...defaultAlertForm(), level: '-5' });
    expect(negative).toMatchObject({ ok: false, errors: { level: 'must be positive' } });
    const words = checkAlertForm({ ...defaultAlertForm(), level: 'abc' });
    expect(words).toMatchObject({ ok: false, errors: { level: 'must be a number' } });
  });

  it('sends a cooldown only with a repeating alert, and checks its floor', () => {
    expect(rawBody({ ...defaultAlertForm(), level: '1', cooldownSec: '30' })).not.toHaveProperty('cooldownSec');
    expect(checkAlertForm({ ...defaultAlertForm(), level: '1', behaviour: 'repeat', cooldownSec: '30' })).toMatchObject({ ok: true, body: { behaviour: 'repeat', cooldownSec: 30 } });
    expect(checkAlertForm({ ...defaultAlertForm(), level: '1', behaviour: 'repeat', cooldownSec: '5' })).toMatchObject({ ok: false, errors: { cooldownSec: 'must be at least 10 seconds' } });
  });

  it('asks a P&L alert for the position it watches', () => {
    const r = checkAlertForm({ ...defaultAlertForm(), kind: 'position-pnl', target: '500' });
    expect(r).toMatchObject({ ok: false, errors: { positionId: 'must be an id (UUID)' } });
    expect(checkAlertForm({ ...defaultAlertForm(), kind: 'position-pnl', target: '500', positionId: POS })).toMatchObject({ ok: true, body: { kind: 'position-pnl', positionId: POS, target: 500 } });
    expect(checkAlertForm({ ...defaultAlertForm(), kind: 'greeks', ref: 'trade', tradeId: POS, value: '0.3' })).toMatchObject({ ok: true, body: { kind: 'greeks', tradeId: POS, greek: 'delta', op: 'above', value: 0.3 } });
  });

  it('checks a trailing stop in percent under 100', () => {
    expect(checkAlertForm({ ...defaultAlertForm('NDX'), kind: 'trailing-stop', trail: '150', trailUnit: 'percent' })).toMatchObject({ ok: false, errors: { trail: 'must be under 100 percent' } });
  });
});

describe('checkAlertPatch', () => {
  const alert: AlertDto = {
    id: 'a1',
    kind: 'price',
    symbol: 'SPX',
    level: 5010,
    direction: 'above',
    source: 'breakeven',
    sourceRef: 's1',
    label: 'old',
    behaviour: 'repeat',
    cooldownSec: 120,
    enabled: true,
    createdAt: 1,
    updatedAt: 1,
    lastFiredAt: null,
    hitCount: 0,
  };

  it('round-trips an alert through the form', () => {
    expect(formFromAlert(alert)).toMatchObject({ kind: 'price', symbol: 'SPX', level: '5010', direction: 'above', label: 'old', behaviour: 'repeat', cooldownSec: '120' });
  });

  it('sends the kind’s fields, clears what the form emptied, and keeps where the level came from', () => {
    const r = checkAlertPatch({ ...formFromAlert(alert), level: '5020', label: '', behaviour: 'once' });
    expect(r).toEqual({ ok: true, body: { symbol: 'SPX', level: 5020, direction: 'above', behaviour: 'once', enabled: true, label: null, cooldownSec: null } });
  });

  it('refuses an edit that breaks the alert, naming the field', () => {
    expect(checkAlertPatch({ ...formFromAlert(alert), level: '0' })).toMatchObject({ ok: false, errors: { level: 'must be positive' } });
  });
});
