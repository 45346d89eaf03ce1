import { describe, expect, it } from 'vitest';
import { OwnSyncEntries } from './own-sync-entries.js';

describe(OwnSyncEntries.name, () => {
  it('recognises the entry of a hit the engine reported, once', () => {
    const own = new OwnSyncEntries();
    own.expect('alert', 'a1', 'hit');
    expect(own.consume({ entity: 'alert', id: 'a1', change: 'hit' })).toBe(true);
    expect(own.consume({ entity: 'alert', id: 'a1', change: 'hit' })).toBe(false);
  });

  it('never takes a user change for its own: an edit racing a hit still reloads', () => {
    const own = new OwnSyncEntries();
    own.expect('alert', 'a1', 'hit');
    expect(own.consume({ entity: 'alert', id: 'a1', change: 'updated' })).toBe(false);
    expect(own.consume({ entity: 'alert', id: 'a1', change: 'disabled' })).toBe(false);
    expect(own.consume({ entity: 'alert', id: 'a1', change: 'hit' })).toBe(true);
  });

  it('tells the delete of its own remove-on-hit from a delete of another alert or a prompt alert', () => {
    const own = new OwnSyncEntries();
    own.expect('alert', 'a1', 'deleted');
    expect(own.consume({ entity: 'alert', id: 'a2', change: 'deleted' })).toBe(false);
    expect(own.consume({ entity: 'prompt-alert', id: 'a1', change: 'deleted' })).toBe(false);
    expect(own.consume({ entity: 'alert', id: 'a1', change: 'deleted' })).toBe(true);
  });

  it('counts two hits of a repeating alert as two entries', () => {
    const own = new OwnSyncEntries();
    own.expect('alert', 'r1', 'hit');
    own.expect('alert', 'r1', 'hit');
    expect(own.consume({ entity: 'alert', id: 'r1', change: 'hit' })).toBe(true);
    expect(own.consume({ entity: 'alert', id: 'r1', change: 'hit' })).toBe(true);
    expect(own.consume({ entity: 'alert', id: 'r1', change: 'hit' })).toBe(false);
  });

  it('forgets the oldest expectations past its capacity, so an entry that never comes cannot grow memory', () => {
    const own = new OwnSyncEntries(2);
    own.expect('alert', 'a1', 'hit');
    own.expect('alert', 'a2', 'hit');
    own.expect('prompt-alert', 'p1', 'stage');
    expect(own.consume({ entity: 'alert', id: 'a1', change: 'hit' })).toBe(false);
    expect(own.consume({ entity: 'alert', id: 'a2', change: 'hit' })).toBe(true);
    expect(own.consume({ entity: 'prompt-alert', id: 'p1', change: 'stage' })).toBe(true);
  });
});
