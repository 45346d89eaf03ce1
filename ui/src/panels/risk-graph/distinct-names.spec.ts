import { describe, expect, it } from 'vitest';
import { distinctNames } from './distinct-names';

describe(distinctNames.name, () => {
  it('numbers the second and third of a name in the order listed, leaving the first and unique ones as they are', () => {
    expect(distinctNames(['SPX fly', 'SPX vertical', 'SPX fly', 'SPX fly'])).toEqual(['SPX fly', 'SPX vertical', 'SPX fly #2', 'SPX fly #3']);
  });

  it('skips a number another name already uses', () => {
    expect(distinctNames(['fly', 'fly #2', 'fly'])).toEqual(['fly', 'fly #2', 'fly #3']);
  });
});
