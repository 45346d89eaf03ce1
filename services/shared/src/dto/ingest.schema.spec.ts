import { describe, expect, it } from 'vitest';
import { ingestBodySchema, ingestEventsOf } from './ingest.schema.js';

describe('ingest body', () => {
  it('takes one event or a batch, and lists the events in order', () => {
    expect(ingestEventsOf(ingestBodySchema.parse({ data: { text: 'hi' } }))).toEqual([{ data: { text: 'hi' } }]);
    expect(ingestEventsOf(ingestBodySchema.parse({ type: 'note', data: { text: 'hi' } }))).toEqual([{ type: 'note', data: { text: 'hi' } }]);
    expect(ingestEventsOf(ingestBodySchema.parse({ events: [{ data: { a: 1 } }, { type: 'x', data: { a: 2 } }] }))).toEqual([{ data: { a: 1 } }, { type: 'x', data: { a: 2 } }]);
  });

  it('refuses both or neither of data and events, a batch-level type, and unknown fields', () => {
    const issues = (body: unknown) => ingestBodySchema.safeParse(body).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues({})).toEqual(['data: send either data (one event) or events (a batch)']);
    expect(issues({ data: {}, events: [{ data: {} }] })).toEqual(['data: send either data (one event) or events (a batch)']);
    expect(issues({ type: 'x', events: [{ data: {} }] })).toEqual(['type: a batch sets type on each of its events']);
    expect(issues({ data: {}, user: 'u_1' })?.[0]).toContain('user');
    expect(issues({ events: [] })?.[0]).toMatch(/^events: /);
  });
});
