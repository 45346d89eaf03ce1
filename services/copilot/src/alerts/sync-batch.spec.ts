import { describe, expect, it } from 'vitest';
import { ALERT_SYNC_STREAM, encodeAlertSyncEntry, type AlertSyncEntry } from '@marketswarm/shared/dto';
import { encodeStreamEntry } from '@marketswarm/shared/events';
import { OwnSyncEntries } from './own-sync-entries.js';
import { readSyncBatch } from './sync-batch.js';

const BOOK = '{system}:stream:positions';
const sync = (id: string, entry: Omit<AlertSyncEntry, 'ts'>): [string, [string, string[]]] => [ALERT_SYNC_STREAM, [id, encodeAlertSyncEntry({ ...entry, ts: 1 })]];
const book = (id: string, user: string): [string, [string, string[]]] => [BOOK, [id, [...encodeStreamEntry({ topic: 'positions', type: 'update', ts: 1, user, data: { positions: [] } } as never)]]];

describe(readSyncBatch.name, () => {
  it('reloads the users whose alerts changed, not those whose change was the engine\'s own hit', () => {
    const own = new OwnSyncEntries();
    own.expect('alert', 'a1', 'hit');
    const batch = readSyncBatch(
      [sync('1-0', { user: 'u1', entity: 'alert', id: 'a1', change: 'hit' }), sync('2-0', { user: 'u2', entity: 'alert', id: 'a2', change: 'updated' })],
      ALERT_SYNC_STREAM,
      own,
    );
    expect([...batch.reload]).toEqual(['u2']);
    expect([...batch.touched]).toEqual([['u2', '2-0']]);
    expect(batch.cursors.get(ALERT_SYNC_STREAM)).toBe('2-0');
  });

  it('marks the owner of a changed book with its last entry, and collects order fills', () => {
    const batch = readSyncBatch(
      [book('1-0', 'u1'), sync('2-0', { user: 'u3', entity: 'order', id: 'o1', change: 'filled' }), book('3-0', 'u1')],
      ALERT_SYNC_STREAM,
      new OwnSyncEntries(),
    );
    expect([...batch.touched]).toEqual([['u1', '3-0']]);
    expect(batch.reload.size).toBe(0);
    expect(batch.fills.map((f) => f.id)).toEqual(['o1']);
    expect([...batch.cursors]).toEqual([[BOOK, '3-0'], [ALERT_SYNC_STREAM, '2-0']]);
  });

  it('skips an entry that fails the contract, naming its stream, and still moves past it', () => {
    const batch = readSyncBatch([[ALERT_SYNC_STREAM, ['1-0', ['user', 'u1']]], [BOOK, ['2-0', ['data', 'not json']]]], ALERT_SYNC_STREAM, new OwnSyncEntries());
    expect(batch.invalid).toEqual([ALERT_SYNC_STREAM, BOOK]);
    expect(batch.cursors.get(BOOK)).toBe('2-0');
  });
});
