import { describe, expect, it } from 'vitest';
import { overallHealth, scoreService, type ServiceObservation } from './health-score.js';

const gateway: ServiceObservation = { kind: 'service', processStatus: 'online', redis: true, heartbeat: 'fresh', http: true, failed: false };

describe(scoreService.name, () => {
  it('scores a running service that passes every check 100 and healthy', () => {
    expect(scoreService(gateway)).toEqual({ score: 100, status: 'healthy', problem: null });
  });

  it('calls a hung service down: pm2 online (40) and Redis (10) pass, heartbeat (25) and /health (25) fail', () => {
    expect(scoreService({ ...gateway, heartbeat: 'stale', http: false })).toEqual({ score: 50, status: 'down', problem: 'heartbeat stale' });
  });

  it('calls a service that answers no /health down even with a fresh heartbeat', () => {
    expect(scoreService({ ...gateway, http: false })).toMatchObject({ score: 75, status: 'down', problem: 'GET /health failed' });
  });

  it('calls a service degraded, not down, when a Redis it needs is gone and its heartbeat went stale with it', () => {
    expect(scoreService({ ...gateway, redis: false, heartbeat: 'stale' })).toMatchObject({ score: 65, status: 'degraded', problem: 'a Redis it uses is unreachable' });
  });

  it('calls a process pm2 stopped down, with what pm2 says', () => {
    expect(scoreService({ ...gateway, processStatus: 'stopped', heartbeat: 'missing', http: false })).toMatchObject({ score: 10, status: 'down', problem: 'pm2 status stopped' });
    expect(scoreService({ ...gateway, processStatus: null, heartbeat: 'missing', http: false }).problem).toBe('pm2 does not run it');
  });

  it('scores only the checks that apply: a producer without HTTP', () => {
    expect(scoreService({ ...gateway, kind: 'producer', http: null, heartbeat: 'stale' })).toEqual({ score: 67, status: 'down', problem: 'heartbeat stale' });
  });

  it('judges a redis-server by its own PING, which weighs as much as heartbeat and /health together', () => {
    const redis: ServiceObservation = { kind: 'redis', processStatus: 'online', redis: false, heartbeat: 'none', http: null, failed: false };
    expect(scoreService(redis)).toEqual({ score: 44, status: 'down', problem: 'PING unanswered' });
    expect(scoreService({ ...redis, redis: true })).toEqual({ score: 100, status: 'healthy', problem: null });
  });

  it('judges nginx by its process alone', () => {
    expect(scoreService({ kind: 'proxy', processStatus: 'online', redis: null, heartbeat: 'none', http: null, failed: false })).toEqual({ score: 100, status: 'healthy', problem: null });
  });

  it('shows a service the watch gave up on as failed, and keeps the reason', () => {
    expect(scoreService({ ...gateway, heartbeat: 'missing', failed: true })).toMatchObject({ status: 'failed', problem: 'heartbeat missing' });
  });
});

describe(overallHealth.name, () => {
  it('averages the scores and takes the worst status', () => {
    expect(overallHealth([{ score: 100, status: 'healthy' }, { score: 65, status: 'degraded' }, { score: 50, status: 'down' }])).toEqual({ score: 72, status: 'down' });
    expect(overallHealth([{ score: 100, status: 'healthy' }, { score: 50, status: 'failed' }, { score: 50, status: 'down' }]).status).toBe('failed');
    expect(overallHealth([{ score: 100, status: 'healthy' }])).toEqual({ score: 100, status: 'healthy' });
  });

  it('calls an empty stack down', () => {
    expect(overallHealth([])).toEqual({ score: 0, status: 'down' });
  });
});
