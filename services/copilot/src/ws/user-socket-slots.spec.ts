import { describe, expect, it } from 'vitest';
import { UserSocketSlots } from './user-socket-slots.js';

describe(UserSocketSlots.name, () => {
  it('lets a user take up to the cap and refuses the next slot without taking it', () => {
    const slots = new UserSocketSlots();
    expect([1, 2, 3].map(() => slots.tryTake('alice', 2))).toEqual([true, true, false]);
    expect(slots.heldBy('alice')).toBe(2);
  });

  it('counts each user apart', () => {
    const slots = new UserSocketSlots();
    expect(slots.tryTake('alice', 1)).toBe(true);
    expect(slots.tryTake('bob', 1)).toBe(true);
    expect(slots.tryTake('alice', 1)).toBe(false);
  });

  it('gives a released slot to the next upgrade and forgets a user with none left', () => {
    const slots = new UserSocketSlots();
    slots.tryTake('alice', 1);
    slots.release('alice');
    expect(slots.users).toBe(0);
    expect(slots.tryTake('alice', 1)).toBe(true);
  });

  it('follows a lowered cap: a user over it gets no new slot until enough have closed', () => {
    const slots = new UserSocketSlots();
    for (let i = 0; i < 4; i++) slots.tryTake('alice', 4);
    slots.release('alice');
    expect(slots.tryTake('alice', 2)).toBe(false);
    slots.release('alice');
    slots.release('alice');
    expect(slots.tryTake('alice', 2)).toBe(true);
  });
});
