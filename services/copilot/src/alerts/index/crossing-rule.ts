import type { CrossingDirection } from './crossing-entry.js';

/**
 * The one definition of "the move from → to crossed this level". Touching counts on arrival and
 * not on departure: a move that lands exactly on the level fires, and the next move away from it
 * does not fire again, so a price resting on a level fires once.
 */
export function movesThrough(direction: CrossingDirection, level: number, from: number, to: number): boolean {
  const up = from < level && level <= to;
  const down = from > level && level >= to;
  switch (direction) {
    case 'above':
      return up;
    case 'below':
      return down;
    case 'cross':
      return up || down;
  }
}
