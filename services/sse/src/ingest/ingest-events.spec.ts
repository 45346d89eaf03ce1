import { describe, expect, it } from 'vitest';
import { buildIngestEvents } from './ingest-events.js';

describe(buildIngestEvents.name, () => {
  it('wraps each payload in the envelope: topic from the path, ts from the clock, type defaulting to update', () => {
    expect(buildIngestEvents([{ data: { text: 'hello' } }, { type: 'note', data: { text: 'bye' } }], { topic: 'vexy', batch: true, now: 1_700_000_000_000 })).toEqual({
      ok: true,
      events: [
        { topic: 'vexy', type: 'update', ts: 1_700_000_000_000, data: { text: 'hello' } },
        { topic: 'vexy', type: 'note', ts: 1_700_000_000_000, data: { text: 'bye' } },
      ],
    });
  });

  it('names the refused field of a single event by its place in the payload', () => {
    const built = buildIngestEvents([{ data: { symbol: 'SPX', price: 'high' } }], { topic: 'spot', batch: false, now: 1 });
    expect(built).toEqual({ ok: false, issues: [{ path: 'data.price', message: expect.any(String) as string }] });
  });

  it('names the refused field of a batch with the event index', () => {
    const built = buildIngestEvents([{ data: { symbol: 'SPX', price: 1 } }, { data: { symbol: 'SPX' } }], { topic: 'spot', batch: true, now: 1 });
    expect(built.ok ? [] : built.issues.map((i) => i.path)).toEqual(['events.1.data.price']);
  });

  it('sends per-user events to the key’s user', () => {
    const built = buildIngestEvents([{ data: { id: 't1', symbol: 'SPX', status: 'open' } }], { topic: 'trades', user: 'u_abc', batch: false, now: 1 });
    expect(built.ok && built.events[0]?.user).toBe('u_abc');
  });
});
