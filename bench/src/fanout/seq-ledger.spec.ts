import { describe, expect, it } from 'vitest';
import { readSeq, SeqLedger } from './seq-ledger.js';

describe(SeqLedger.name, () => {
  it('counts nothing wrong when every number arrives once and in order', () => {
    const ledger = new SeqLedger();
    for (const seq of [0, 1, 2, 3]) ledger.see(seq);
    expect({ gaps: ledger.gapsAtEnd(4), duplicates: ledger.duplicates, received: ledger.received }).toEqual({ gaps: 0, duplicates: 0, received: 4 });
  });

  it('counts the numbers a jump skipped as gaps and a number seen again as a duplicate', () => {
    const ledger = new SeqLedger();
    for (const seq of [0, 1, 4, 4, 2, 5]) ledger.see(seq);
    expect({ gaps: ledger.gaps, duplicates: ledger.duplicates, last: ledger.last }).toEqual({ gaps: 2, duplicates: 2, last: 5 });
  });

  it('counts the numbers after the last one received as gaps once the stream is over', () => {
    const ledger = new SeqLedger();
    for (const seq of [0, 1, 2]) ledger.see(seq);
    expect(ledger.gapsAtEnd(6)).toBe(3);
  });
});

describe('readSeq', () => {
  it('reads the seq of a payload and answers null when there is none', () => {
    expect(readSeq('{"topic":"vexy","data":{"text":"x","seq":1234,"pt":1.5}}')).toBe(1234);
    expect(readSeq('{"topics":["vexy"]}')).toBeNull();
  });
});
