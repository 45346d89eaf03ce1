import { describe, expect, it } from 'vitest';
import { hitBatches, outcomeAnswer, readBatchAnswer } from './hit-batch.js';

const hit = (alertId: string, n: number) => ({ alertId, key: `${alertId}:${n}` });
const keys = (chains: ReturnType<typeof hit>[][][]) => chains.map((chain) => chain.map((batch) => batch.map((h) => h.key)));

describe(hitBatches.name, () => {
  it('packs several alerts\' hits into one request, each alert\'s hits together and in order', () => {
    const chains = hitBatches([hit('a', 1), hit('b', 1), hit('a', 2)], (h) => h.alertId, 200);
    expect(keys(chains)).toEqual([[['a:1', 'a:2', 'b:1']]]);
  });

  it('starts a new request rather than split an alert\'s hits across two sent side by side', () => {
    const chains = hitBatches([hit('a', 1), hit('a', 2), hit('b', 1), hit('b', 2), hit('c', 1)], (h) => h.alertId, 3);
    expect(keys(chains)).toEqual([[['a:1', 'a:2']], [['b:1', 'b:2', 'c:1']]]);
  });

  it('sends one alert\'s hits past the maximum as consecutive requests of one chain', () => {
    const chains = hitBatches([hit('a', 1), hit('a', 2), hit('a', 3), hit('b', 1)], (h) => h.alertId, 2);
    expect(keys(chains)).toEqual([[['a:1', 'a:2'], ['a:3']], [['b:1']]]);
  });
});

describe(readBatchAnswer.name, () => {
  const sent = [hit('a', 1), hit('b', 1)];
  const outcome = (h: ReturnType<typeof hit>, status: 201 | 404) => ({ alertId: h.alertId, key: h.key, status, ...(status === 404 && { error: { code: 'not-found' as const, message: 'gone' } }) });

  it('reads each hit\'s outcome in the order sent', () => {
    const reading = readBatchAnswer({ status: 200, body: { results: [outcome(hit('a', 1), 404), outcome(hit('b', 1), 404)] } }, sent);
    expect(reading.kind === 'answered' && reading.outcomes.map((o) => o.key)).toEqual(['a:1', 'b:1']);
  });

  it('leaves every hit for a retry when the journal is unreachable, fails, or answers for other hits', () => {
    expect(readBatchAnswer({ status: 'unreachable', error: 'ECONNREFUSED' }, sent).kind).toBe('retry');
    expect(readBatchAnswer({ status: 503, body: null }, sent).kind).toBe('retry');
    expect(readBatchAnswer({ status: 200, body: { results: [outcome(hit('b', 1), 404), outcome(hit('a', 1), 404)] } }, sent).kind).toBe('retry');
    expect(readBatchAnswer({ status: 200, body: { results: [outcome(hit('a', 1), 404)] } }, sent).kind).toBe('retry');
  });

  it('falls back to the single route when the journal refuses the request as a whole', () => {
    expect(readBatchAnswer({ status: 400, body: { message: 'hits.0.message: must not be empty' } }, sent).kind).toBe('one-by-one');
    expect(readBatchAnswer({ status: 404, body: { message: 'Cannot POST /api/internal/alerts/hits' } }, sent).kind).toBe('one-by-one');
  });
});

describe(outcomeAnswer.name, () => {
  it('answers a refused hit as the single route would have, status and error body', () => {
    expect(outcomeAnswer({ alertId: 'a', key: 'a:1', status: 409, error: { code: 'conflict', message: 'cooling down' } })).toEqual({ status: 409, body: { code: 'conflict', message: 'cooling down' } });
  });
});
