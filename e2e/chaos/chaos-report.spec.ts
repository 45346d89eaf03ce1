import { describe, expect, it } from 'vitest';
import { formatRecoveryTable, slowestPerStep } from './chaos-report.js';

const rows = [
  { step: 'kill -9 fotw-sse', client: 'all-h2', topic: 'mode', recoveryMs: 3120 },
  { step: 'kill -9 fotw-sse', client: 'vexy-h1', topic: 'vexy', recoveryMs: 2840 },
  { step: 'reload nginx', client: 'all-h2', topic: 'mode', recoveryMs: 41 },
  { step: 'reload nginx', client: 'vexy-h1', topic: 'vexy', recoveryMs: null },
];

describe(formatRecoveryTable.name, () => {
  it('prints one aligned row per step, client and topic, with none for a client that never recovered', () => {
    expect(formatRecoveryTable(rows.slice(2)).split('\n')).toEqual([
      'step         | client  | topic | recovery ms',
      '-------------|---------|-------|------------',
      'reload nginx | all-h2  | mode  |          41',
      'reload nginx | vexy-h1 | vexy  |        none',
    ]);
  });
});

describe(slowestPerStep.name, () => {
  it('gives the worst recovery of each step, and none when any client never recovered', () => {
    expect(slowestPerStep(rows)).toEqual([
      { step: 'kill -9 fotw-sse', worstMs: 3120 },
      { step: 'reload nginx', worstMs: null },
    ]);
  });
});
