import { describe, expect, it } from 'vitest';
import { describeTileKey } from './describe-tile-key';

describe(describeTileKey.name, () => {
  it('spells out butterflies with centre strike, wings and expiry', () => {
    expect(describeTileKey('butterfly-call:0:10:5010')).toEqual({
      strategy: 'butterfly-call',
      family: 'butterfly',
      side: 'call',
      dte: 0,
      width: 10,
      strike: 5010,
      strikes: '5010 ±10',
      expiry: '0DTE',
      label: 'Butterfly call 5010 ±10 · 0DTE',
    });
    expect(describeTileKey('butterfly-put:3:5:4995')?.label).toBe('Butterfly put 4995 ±5 · 3DTE');
  });

  it('names verticals by their long and short strikes', () => {
    expect(describeTileKey('vertical-call:0:20:5010')?.label).toBe('Vertical call 5010/5030 · 0DTE');
    expect(describeTileKey('vertical-put:1:10:5010')?.label).toBe('Vertical put 5010/5000 · 1DTE');
  });

  it('names singles by strike alone', () => {
    expect(describeTileKey('single-call:0:0:5010')?.label).toBe('Long call 5010 · 0DTE');
    expect(describeTileKey('single-put:7:0:480.5')?.label).toBe('Long put 480.5 · 7DTE');
  });

  it('names an iron fly by its body and wings, without a side', () => {
    const iron = describeTileKey('iron-fly:0:20:5005');
    expect(iron?.label).toBe('Iron fly 5005 ±20 · 0DTE');
    expect(iron?.side).toBeUndefined();
  });

  it('leaves a broken-wing fly to its tile: the far wing is not in the key', () => {
    expect(describeTileKey('bwb-call:0:10:5010')).toBeUndefined();
  });

  it('keeps fractional strikes and widths without float noise', () => {
    expect(describeTileKey('vertical-call:0:2.5:502.5')?.strikes).toBe('502.5/505');
    expect(describeTileKey('butterfly-call:0:0.1:0.2')?.strikes).toBe('0.2 ±0.1');
  });

  it('rejects keys the heatmap does not make', () => {
    for (const key of [
      '',
      'butterfly-call:0:10',
      'butterfly-call:0:10:5010:1',
      'condor-call:0:10:5010',
      'toString:0:10:5010',
      'butterfly-call:-1:10:5010',
      'butterfly-call:0.5:10:5010',
      'butterfly-call:0:0:5010',
      'vertical-put:0:10:5',
      'butterfly-call:0:10:0',
      'butterfly-call:0:10:abc',
      'butterfly-call:0:1e1:5010',
      'butterfly-call: 0:10:5010',
      'butterfly-call:0:10:NaN',
    ]) {
      expect(describeTileKey(key), key).toBeUndefined();
    }
  });
});
