import { describe, expect, it } from 'vitest';
import { encodeStreamEntry, parseStreamId, type TypedEvent } from '@marketswarm/shared/events';
import { StoredEntries } from './stored-entries.js';

const vexy = (text: string): TypedEvent => ({ topic: 'vexy', type: 'comment', ts: 1_700_000_000_000, data: { text } });
const id = (raw: string) => parseStreamId(raw)!;

describe(StoredEntries.name, () => {
  it('decodes an entry once and hands every later replay the same event', () => {
    const entries = new StoredEntries();
    const fields = encodeStreamEntry(vexy('gamma flips at 5925'));
    const first = entries.decode('intel:stream:vexy', 'vexy', '1-0', id('1-0'), fields);
    const again = entries.decode('intel:stream:vexy', 'vexy', '1-0', id('1-0'), fields);
    expect(first.ok && again.ok && again.event === first.event).toBe(true);
    expect(first.ok && first.event.body.toString()).toContain('gamma flips at 5925');
  });

  it('keeps entries of different streams with the same id apart', () => {
    const entries = new StoredEntries();
    const a = entries.decode('intel:stream:vexy', 'vexy', '1-0', id('1-0'), encodeStreamEntry(vexy('a')));
    const b = entries.decode('intel:stream:vexy-2', 'vexy', '1-0', id('1-0'), encodeStreamEntry(vexy('b')));
    expect(a.ok && b.ok && a.event !== b.event).toBe(true);
  });

  it('reports an entry of another topic as invalid, every time it is read', () => {
    const entries = new StoredEntries();
    const fields = encodeStreamEntry(vexy('misfiled'));
    expect(entries.decode('market:stream:spot', 'spot', '2-0', id('2-0'), fields)).toMatchObject({ ok: false });
    const again = entries.decode('market:stream:spot', 'spot', '2-0', id('2-0'), fields);
    expect(!again.ok && again.reason).toContain('"vexy"');
  });

  it('lets the oldest entries go past its entry and byte limits', () => {
    const entries = new StoredEntries({ maxEntries: 2, maxBytes: 1 << 20 });
    for (const n of [1, 2, 3]) entries.decode('s', 'vexy', `${n}-0`, id(`${n}-0`), encodeStreamEntry(vexy(`n${n}`)));
    expect(entries.size).toBe(2);
    const small = new StoredEntries({ maxEntries: 100, maxBytes: 300 });
    for (const n of [1, 2, 3]) small.decode('s', 'vexy', `${n}-0`, id(`${n}-0`), encodeStreamEntry(vexy('x'.repeat(100))));
    expect(small.size).toBe(1);
  });
});
