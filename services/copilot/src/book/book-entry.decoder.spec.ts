import { describe, expect, it } from 'vitest';
import { decodeBookEntry } from './book-entry.decoder.js';
import { openCallVertical, savedPutButterfly } from './user-book.fixtures.js';

const envelope = (topic: string, user: string | undefined, positions: unknown) => JSON.stringify({ topic, type: 'snapshot', ts: 1, ...(user !== undefined && { user }), data: { positions } });

describe(decodeBookEntry.name, () => {
  it('reads nothing, and reports nothing, for a user the journal never published', () => {
    expect(decodeBookEntry('positions', 'u1', null)).toEqual({ items: [], problems: [] });
  });

  it('reads the open trades of the user the entry belongs to', () => {
    const position = openCallVertical();
    expect(decodeBookEntry('positions', 'u1', envelope('positions', 'u1', [position]))).toEqual({ items: [position], problems: [] });
  });

  it('reads the saved positions of the risk-graph entry', () => {
    const saved = savedPutButterfly();
    expect(decodeBookEntry('risk-graph', 'u1', envelope('risk-graph', 'u1', [saved]))).toEqual({ items: [saved], problems: [] });
  });

  it('reads text that is not JSON as empty, with the reason', () => {
    const decoded = decodeBookEntry('positions', 'u1', '{not json');
    expect(decoded.items).toEqual([]);
    expect(decoded.problems[0]).toMatch(/invalid JSON/);
  });

  it('refuses an entry of another user whole, so no one is shown a stranger\'s book', () => {
    const decoded = decodeBookEntry('positions', 'u1', envelope('positions', 'u2', [openCallVertical()]));
    expect(decoded).toEqual({ items: [], problems: ['belongs to user "u2", not "u1"'] });
  });

  it('refuses an entry that holds another topic\'s event', () => {
    const decoded = decodeBookEntry('positions', 'u1', envelope('risk-graph', 'u1', [savedPutButterfly()]));
    expect(decoded).toEqual({ items: [], problems: ['holds a "risk-graph" event, not "positions"'] });
  });

  it('drops only the entry that fails the journal\'s contract and keeps the rest of the book', () => {
    const good = openCallVertical({ id: 'good' });
    const decoded = decodeBookEntry('positions', 'u1', envelope('positions', 'u1', [{ id: 'bad', symbol: 'SPX' }, good]));
    expect(decoded.items).toEqual([good]);
    expect(decoded.problems).toHaveLength(1);
    expect(decoded.problems[0]).toMatch(/^positions\[0\]: logId/);
  });
});
