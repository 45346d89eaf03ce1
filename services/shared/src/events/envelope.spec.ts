import { describe, expect, it } from 'vitest';
import { parseEvent } from './envelope.js';
import { decodeStreamEntry, encodeStreamEntry } from './stream-codec.js';

const spot = { topic: 'spot', type: 'tick', ts: 1_700_000_000_000, data: { symbol: 'SPX', price: 5012.25 } };

describe(parseEvent.name, () => {
  it('accepts a spot tick and keeps extra payload fields', () => {
    const result = parseEvent({ ...spot, data: { ...spot.data, bid: 5012 } });
    expect(result).toEqual({ ok: true, event: { ...spot, data: { symbol: 'SPX', price: 5012.25, bid: 5012 } } });
  });

  it('names the payload field and the reason when the payload is wrong', () => {
    const result = parseEvent({ ...spot, data: { symbol: 'spx', price: -1 } });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues.map((i) => i.path)).toEqual(['data.symbol', 'data.price']);
      expect(result.issues[0]?.message).toContain('upper-case ticker');
    }
  });

  it('rejects an unknown topic and unknown envelope keys', () => {
    const result = parseEvent({ ...spot, topic: 'weather', extra: 1 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['topic', '(root)']));
  });

  it('requires an owner on per-user topics', () => {
    const alert = { topic: 'alerts', type: 'fired', ts: 1, data: { id: 'a1', message: 'SPX crossed 5000' } };
    const result = parseEvent(alert);
    expect(result).toEqual({ ok: false, issues: [{ path: 'user', message: 'topic "alerts" is per user: the event needs a user' }] });
    expect(parseEvent({ ...alert, user: 'u_1' }).ok).toBe(true);
  });

  it('fills payload defaults, so consumers can rely on them', () => {
    const result = parseEvent({ topic: 'intel', type: 'item', ts: 1, data: { id: 'n1', title: 'Fed holds', source: 'wire' } });
    expect(result.ok && result.event.topic === 'intel' && result.event.data.tickers).toEqual([]);
  });
});

describe('stream codec', () => {
  it('round-trips an event through the flat field list Redis returns', () => {
    const parsed = parseEvent(spot);
    if (!parsed.ok) throw new Error('fixture must be valid');
    expect(decodeStreamEntry(encodeStreamEntry(parsed.event))).toEqual(parsed);
  });

  it('reports, without throwing, an entry with broken JSON or no envelope field', () => {
    expect(decodeStreamEntry(['e', '{nope'])).toMatchObject({ ok: false, issues: [{ path: '(entry)' }] });
    expect(decodeStreamEntry(['x', '{}'])).toEqual({ ok: false, issues: [{ path: '(entry)', message: 'no "e" field' }] });
  });
});
