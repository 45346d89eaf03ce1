import { describe, expect, it } from 'vitest';
import { rovingIndex } from './roving';

describe('rovingIndex', () => {
  it('moves to the next and previous item with the arrows, wrapping at both ends', () => {
    expect(rovingIndex(0, 'ArrowRight', 3)).toBe(1);
    expect(rovingIndex(2, 'ArrowRight', 3)).toBe(0);
    expect(rovingIndex(0, 'ArrowLeft', 3)).toBe(2);
    expect(rovingIndex(1, 'ArrowUp', 3)).toBe(0);
    expect(rovingIndex(1, 'ArrowDown', 3)).toBe(2);
  });

  it('jumps to the first and last item with Home and End', () => {
    expect(rovingIndex(1, 'Home', 5)).toBe(0);
    expect(rovingIndex(1, 'End', 5)).toBe(4);
  });

  it('does not move for other keys or an empty group', () => {
    expect(rovingIndex(1, 'Enter', 3)).toBeUndefined();
    expect(rovingIndex(1, 'a', 3)).toBeUndefined();
    expect(rovingIndex(0, 'ArrowRight', 0)).toBeUndefined();
  });
});
