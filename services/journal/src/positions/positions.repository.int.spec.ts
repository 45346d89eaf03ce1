import { randomUUID } from 'node:crypto';
import { beforeEach, expect, it } from 'vitest';
import { describeOnBothDialects } from '../database/testing/describe-on-both-dialects.js';
import { PositionsRepository, type NewSavedPosition } from './positions.repository.js';

const fly: NewSavedPosition = {
  name: 'SPX 4990/5000/5010 fly',
  symbol: 'SPX',
  legs: [
    { expiry: '2026-11-23', strikeMicros: 4_990_000_000, right: 'call', ratio: 1 },
    { expiry: '2026-11-23', strikeMicros: 5_000_000_000, right: 'call', ratio: -2 },
    { expiry: '2026-11-23', strikeMicros: 5_010_000_000, right: 'call', ratio: 1 },
  ],
  quantity: 2,
  entryPriceMicros: 2_500_000,
  source: { kind: 'tile', key: 'butterfly-call:0:10:5000' },
};

describeOnBothDialects(PositionsRepository.name, (fixture) => {
  let clock: number;
  let positions: PositionsRepository;
  let alice: string;
  let bob: string;

  beforeEach(() => {
    clock = Date.UTC(2026, 10, 23, 15);
    positions = new PositionsRepository(fixture.db(), () => clock);
    alice = randomUUID();
    bob = randomUUID();
  });

  it('keeps a position whole: legs, exact micros, a credit and its source', async () => {
    const created = await positions.create(alice, fly);
    expect(created).toEqual({ ...fly, id: expect.any(String) as string, createdAt: clock, updatedAt: clock });
    const credit = await positions.create(alice, { ...fly, name: 'credit', entryPriceMicros: -3_050_000, source: null });
    expect(await positions.get(alice, credit.id)).toMatchObject({ entryPriceMicros: -3_050_000, source: null });
  });

  it('lists the oldest first and edits only what it is given, stamping the edit', async () => {
    const first = await positions.create(alice, fly);
    clock += 1_000;
    const second = await positions.create(alice, { ...fly, name: 'second' });
    clock += 1_000;
    const edited = await positions.update(alice, first.id, { quantity: 5, source: null });
    expect(edited).toEqual({ ...first, quantity: 5, source: null, updatedAt: clock });
    expect((await positions.list(alice)).map((p) => p.id)).toEqual([first.id, second.id]);
  });

  it("treats another user's position as not there", async () => {
    const mine = await positions.create(alice, fly);
    expect(await positions.get(bob, mine.id)).toBeUndefined();
    expect(await positions.update(bob, mine.id, { name: 'theirs' })).toBeUndefined();
    expect(await positions.remove(bob, mine.id)).toBe(false);
    expect(await positions.list(bob)).toEqual([]);
    expect(await positions.get(alice, mine.id)).toEqual(mine);
    expect(await positions.remove(alice, mine.id)).toBe(true);
    expect(await positions.list(alice)).toEqual([]);
  });
});
