import { describe, expect, it } from 'vitest';
import { countedResets, formatRecoveryTable, slowestPerStep } from './chaos-report.js';

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

describe('countedResets', () => {
  const faults = [
    { step: 'kill -9 fotw-sse', at: 2000 },
    { step: 'reload nginx', at: 5000 },
  ];

  it('holds every reset from the first append on against the gateway, naming the fault it followed', () => {
    const resets = [
      { reason: 'unknown-position', at: 900 },
      { reason: 'catch-up-budget', at: 1500 },
      { reason: 'retention', at: 2600 },
      { reason: 'catch-up-budget', at: 5000 },
    ];
    expect(countedResets(resets, 1000, faults)).toEqual(['catch-up-budget after no fault (steady streaming)', 'retention after kill -9 fotw-sse', 'catch-up-budget after reload nginx']);
  });

  it('reports, but does not count, a reset before the first append: no event of the run exists yet', () => {
    expect(countedResets([{ reason: 'unknown-position', at: 999 }], 1000, faults)).toEqual([]);
    expect(countedResets([{ reason: 'unknown-position', at: 999 }], Number.POSITIVE_INFINITY, faults)).toEqual([]);
  });
});
