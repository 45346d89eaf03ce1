import { describe, expect, it } from 'vitest';
import { DteInterest } from './dte-interest.js';

const MINUTE = 60_000;

function interest() {
  let now = 0;
  const dtes = new DteInterest({ always: 0, idleMs: 10 * MINUTE, clock: () => now });
  return { dtes, at: (ms: number) => (now = ms) };
}

describe(DteInterest.name, () => {
  it('computes DTE 0 always and a watched DTE until every watcher has released it', () => {
    const { dtes } = interest();
    expect(dtes.computed()).toEqual([0]);
    const first = dtes.watch(5);
    const second = dtes.watch(5);
    expect(dtes.computed()).toEqual([0, 5]);
    first();
    first(); // a second release of the same watch changes nothing
    expect(dtes.computed()).toEqual([0, 5]);
    second();
    expect(dtes.computed()).toEqual([0]);
  });

  it('never finds DTE 0 or a watched DTE idle, however long ago it was asked for', () => {
    const { dtes, at } = interest();
    dtes.watch(7);
    at(60 * MINUTE);
    expect(dtes.idle([0, 7])).toEqual([]);
  });

  it('finds a DTE idle 10 minutes after it was last asked for, and not a moment before', () => {
    const { dtes, at } = interest();
    dtes.touch(3);
    at(5 * MINUTE);
    dtes.touch(3);
    at(15 * MINUTE - 1);
    expect(dtes.idle([0, 3])).toEqual([]);
    at(15 * MINUTE);
    expect(dtes.idle([0, 3])).toEqual([3]);
  });

  it('counts idle time from when the last watcher left', () => {
    const { dtes, at } = interest();
    const release = dtes.watch(4);
    at(30 * MINUTE);
    release();
    at(39 * MINUTE);
    expect(dtes.idle([4])).toEqual([]);
    at(40 * MINUTE);
    expect(dtes.idle([4])).toEqual([4]);
  });

  it('finds idle at once a kept DTE nobody ever asked for, and forgets what it reported', () => {
    const { dtes, at } = interest();
    expect(dtes.idle([9])).toEqual([9]);
    dtes.touch(2);
    at(10 * MINUTE);
    expect(dtes.idle([])).toEqual([2]);
    expect(dtes.idle([])).toEqual([]);
  });
});
