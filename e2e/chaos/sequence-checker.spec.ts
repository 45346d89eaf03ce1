import { describe, expect, it } from 'vitest';
import { SequenceChecker, type AckedSeq } from './sequence-checker.js';

const acked = (...seqs: number[]): AckedSeq[] => seqs.map((seq) => ({ seq, attempt: 0, ackedAt: 0 }));

describe(SequenceChecker.name, () => {
  it('passes a stream that delivered every acknowledged seq once, in order', () => {
    const checker = new SequenceChecker();
    for (const seq of [0, 1, 2]) checker.record(seq, 0, 100 + seq);
    expect(checker.verdict(acked(0, 1, 2))).toEqual({ delivered: 3, lost: [], duplicated: [], republished: [], outOfOrder: 0 });
    expect(checker.hasAll(acked(0, 1, 2))).toBe(true);
  });

  it('names the acknowledged seqs that never arrived', () => {
    const checker = new SequenceChecker();
    checker.record(0, 0, 1);
    checker.record(3, 0, 2);
    expect(checker.verdict(acked(0, 1, 2, 3)).lost).toEqual([1, 2]);
    expect(checker.hasAll(acked(0, 1, 2, 3))).toBe(false);
  });

  it('does not count a seq that was never acknowledged as lost', () => {
    const checker = new SequenceChecker();
    checker.record(0, 0, 1);
    expect(checker.verdict(acked(0)).lost).toEqual([]);
  });

  it('tells a gateway repeat (same append) from a publisher retry that was stored twice', () => {
    const checker = new SequenceChecker();
    checker.record(0, 0, 1);
    checker.record(0, 0, 2);
    checker.record(1, 0, 3);
    checker.record(1, 1, 4);
    const verdict = checker.verdict(acked(0, 1));
    expect(verdict.duplicated).toEqual([0]);
    expect(verdict.republished).toEqual([1]);
  });

  it('counts a delivery that comes after a higher seq as out of order', () => {
    const checker = new SequenceChecker();
    for (const seq of [0, 2, 1, 3]) checker.record(seq, 0, seq);
    expect(checker.verdict(acked(0, 1, 2, 3)).outOfOrder).toBe(1);
  });

  it('finds when the first seq at or after a point arrived', () => {
    const checker = new SequenceChecker();
    checker.record(4, 0, 1000);
    checker.record(5, 0, 1040);
    checker.record(9, 0, 3100);
    expect(checker.firstArrivalFrom(6)).toBe(3100);
    expect(checker.firstArrivalFrom(10)).toBeUndefined();
  });

  it('measures the longest silence inside a window, edges included', () => {
    const checker = new SequenceChecker();
    for (const [seq, at] of [[0, 900], [1, 1040], [2, 4040], [3, 4080]] as const) checker.record(seq, 0, at);
    expect(checker.longestSilence(1000, 4100)).toBe(3000);
    expect(checker.longestSilence(4100, 5000)).toBe(900);
  });
});
