import { describe, expect, it } from 'vitest';
import { parseOptions } from './options.js';

describe('fan-out bench options', () => {
  it('runs the issue 16 matrix by default, the saturated 2k × 50/s included, once, two processes a side', () => {
    const options = parseOptions([], {});
    expect(options.scenarios).toEqual([
      { subscribers: 1000, rate: 10 },
      { subscribers: 5000, rate: 10 },
      { subscribers: 2000, rate: 50 },
      { subscribers: 20000, rate: 2 },
    ]);
    expect(options).toMatchObject({ rounds: 1, gateways: 2, nchanWorkers: 2, oursStream: 'vexy' });
  });

  it('takes flags over environment variables for rounds, process counts and the stream ours subscribes to', () => {
    const options = parseOptions(['--rounds', '3', '--gateways=1', '--ours-stream', 'all'], { BENCH_ROUNDS: '5', BENCH_NCHAN_WORKERS: '1' });
    expect(options).toMatchObject({ rounds: 3, gateways: 1, nchanWorkers: 1, oursStream: 'all' });
  });

  it('refuses a stream ours does not serve and a round count that is not a whole number', () => {
    expect(() => parseOptions(['--ours-stream', 'market'], {})).toThrow('--ours-stream: "market" must be one of vexy, all');
    expect(() => parseOptions(['--rounds', '1.5'], {})).toThrow('--rounds');
  });
});

describe('fan-out bench options: the reconnect storm', () => {
  it('holds 10k clients, each with its own session, through a pm2-style restart by default', () => {
    const options = parseOptions(['--scenario', 'storm'], {});
    expect(options.scenario).toBe('storm');
    expect(options.storm).toEqual({ clients: 10_000, sessions: 10_000, rate: 2, durationSec: 20, restartAfterSec: 3, signal: 'SIGINT' });
  });

  it('refuses a signal pm2 would not send and a restart after the publishing ends', () => {
    expect(() => parseOptions(['--storm-signal', 'SIGHUP'], {})).toThrow('--storm-signal: "SIGHUP" must be one of SIGINT, SIGTERM, SIGKILL');
    expect(() => parseOptions(['--storm-duration', '5', '--storm-restart-after', '5'], {})).toThrow('--storm-restart-after');
  });
});

describe('fan-out bench options: the browser path', () => {
  it('runs ours behind nginx against nchan, both over TLS, and refuses the baseline there', () => {
    expect(parseOptions(['--tls'], {})).toMatchObject({ tls: true, servers: ['ours', 'nchan'] });
    expect(() => parseOptions(['--tls', '--servers', 'ours,baseline'], {})).toThrow('the baseline has no TLS mode');
  });
});
