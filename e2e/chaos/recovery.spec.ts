import { describe, expect, it } from 'vitest';
import { allRecovered, measureRecovery } from './recovery.js';
import { SequenceChecker } from './sequence-checker.js';

function checkerWith(arrivals: [seq: number, at: number][]): SequenceChecker {
  const checker = new SequenceChecker();
  for (const [seq, at] of arrivals) checker.record(seq, 0, at);
  return checker;
}

describe(measureRecovery.name, () => {
  const fault = { step: 'kill -9 fotw-sse', at: 10_000, nextSeq: { candles: 50, vexy: 20 } };

  it('measures from the fault to the first event appended after it, ignoring events still in flight', () => {
    const candles = checkerWith([[49, 10_030], [50, 13_200], [51, 13_210]]);
    const rows = measureRecovery(fault, [{ name: 'all-h2', checkers: new Map([['candles', candles]]) }], 13_300);
    expect(rows).toEqual([{ step: 'kill -9 fotw-sse', client: 'all-h2', topic: 'candles', recoveryMs: 3200 }]);
  });

  it('measures the silence of a fault that took effect after it was ordered', () => {
    // The restart command was given at 10 000; Redis went down around 10 400 and events resumed at 12 500.
    const vexy = checkerWith([[20, 10_040], [29, 10_400], [30, 12_500], [31, 12_540]]);
    const rows = measureRecovery(fault, [{ name: 'vexy-h1', checkers: new Map([['vexy', vexy]]) }], 13_000);
    expect(rows[0]!.recoveryMs).toBe(2100);
  });

  it('reports a client that has not received anything appended after the fault as null', () => {
    const vexy = checkerWith([[19, 9_990]]);
    const rows = measureRecovery(fault, [{ name: 'vexy-h1', checkers: new Map([['vexy', vexy]]) }], 20_000);
    expect(rows[0]!.recoveryMs).toBeNull();
    expect(allRecovered(rows)).toBe(false);
  });

  it("counts a seq delivered past a missing one as recovery (the loss is the checker's verdict)", () => {
    const vexy = checkerWith([[22, 11_000]]);
    const rows = measureRecovery(fault, [{ name: 'vexy-h1', checkers: new Map([['vexy', vexy]]) }], 11_000);
    expect(rows[0]!.recoveryMs).toBe(1000);
    expect(allRecovered(rows)).toBe(true);
  });
});
