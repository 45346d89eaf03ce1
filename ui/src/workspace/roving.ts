/**
 * Arrow-key movement inside a roving-tabindex group (the header's symbol chips, the phone's panel
 * tabs): the group is one Tab stop and the arrows move between its items, wrapping at the ends.
 * Undefined for a key that does not move.
 */
export function rovingIndex(current: number, key: string, count: number): number | undefined {
  if (count <= 0) return undefined;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return (current + 1) % count;
    case 'ArrowLeft':
    case 'ArrowUp':
      return (current - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}
