import { describe, expect, it } from 'vitest';
import { decideHit, decideStage } from './hit-decision.js';

const hit = { id: 'h1', alertId: 'a1', at: 1, message: 'm', value: null };
const alert = { id: 'a1', label: null, behaviour: 'once', cooldownSec: null, enabled: false, createdAt: 1, updatedAt: 1, lastFiredAt: 1, hitCount: 1, kind: 'price', symbol: 'SPX', level: 5000, direction: 'above', source: 'manual', sourceRef: null };

describe(decideHit.name, () => {
  it('publishes a hit the journal recorded now (201) or replays for the same key (200)', () => {
    expect(decideHit({ status: 201, body: { hit, alert } })).toEqual({ action: 'publish', hitId: 'h1', announced: 'hit' });
    expect(decideHit({ status: 200, body: { hit, alert: null, replayed: true } })).toEqual({ action: 'publish', hitId: 'h1', announced: undefined });
  });

  it('expects the sync entry a recorded hit appends: the delete when a remove-on-hit went, none for a replay', () => {
    expect(decideHit({ status: 201, body: { hit, alert: null } })).toMatchObject({ announced: 'deleted' });
    expect(decideHit({ status: 200, body: { hit, alert, replayed: true } })).toMatchObject({ announced: undefined });
  });

  it('drops a hit the journal refused for good: gone (404), disabled or cooling down (409), malformed (400)', () => {
    for (const status of [404, 409, 400]) expect(decideHit({ status, body: {} }).action).toBe('drop');
  });

  it('calls the engine\'s copy stale when the alert is gone, disabled or cooling down, not when the body was wrong', () => {
    expect(decideHit({ status: 404, body: {} })).toMatchObject({ stale: true });
    expect(decideHit({ status: 409, body: {} })).toMatchObject({ stale: true });
    expect(decideHit({ status: 400, body: {} })).toMatchObject({ stale: false });
  });

  it('keeps the entry for a later drain when the journal did not decide', () => {
    expect(decideHit({ status: 'unreachable', error: 'ECONNREFUSED' }).action).toBe('retry');
    expect(decideHit({ status: 503, body: {} }).action).toBe('retry');
    expect(decideHit({ status: 201, body: { nope: true } }).action).toBe('retry');
  });
});

describe(decideStage.name, () => {
  it('publishes a stage set now, verifies one already reached, drops a gone prompt alert', () => {
    expect(decideStage({ status: 200, body: {} })).toMatchObject({ action: 'publish', announced: 'stage' });
    expect(decideStage({ status: 409, body: {} }).action).toBe('verify');
    expect(decideStage({ status: 404, body: {} }).action).toBe('drop');
    expect(decideStage({ status: 'unreachable', error: 'timeout' }).action).toBe('retry');
  });
});
