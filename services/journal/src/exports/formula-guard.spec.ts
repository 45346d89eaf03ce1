import { describe, expect, it } from 'vitest';
import { neutralizeFormula } from './formula-guard.js';

describe('neutralizeFormula', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+SUM(A1:A9)', "'+SUM(A1:A9)"],
    ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
    ['@SUM(1)', "'@SUM(1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
  ])('prefixes a cell a spreadsheet would evaluate: %j', (input, expected) => {
    expect(neutralizeFormula(input)).toBe(expected);
  });

  it.each(['-12.5', '+3', '-0.0125', 'SPX', 'iron condor', 'a=b', ''])('leaves plain numbers and ordinary text alone: %j', (input) => {
    expect(neutralizeFormula(input)).toBe(input);
  });
});
