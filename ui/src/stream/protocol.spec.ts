import { describe, expect, it } from 'vitest';
import { chooseTransport, pageProtocol } from './protocol';

const perf = (nextHopProtocol: string) => ({ getEntriesByType: () => [{ nextHopProtocol }] as unknown as PerformanceEntryList });

describe('transport choice', () => {
  it('reads the protocol the page came over', () => {
    expect(pageProtocol(perf('h2'))).toBe('h2');
    expect(pageProtocol(perf(''))).toBeUndefined();
    expect(pageProtocol({ getEntriesByType: () => [] })).toBeUndefined();
  });

  it('opens a stream per panel over h2/h3 and multiplexes everything else, unknown included', () => {
    expect(chooseTransport('h2')).toBe('per-stream');
    expect(chooseTransport('h3')).toBe('per-stream');
    expect(chooseTransport('http/1.1')).toBe('multiplexed');
    expect(chooseTransport(undefined)).toBe('multiplexed');
  });

  it('lets ?transport= override the choice, ignoring other values', () => {
    expect(chooseTransport('h2', 'multiplexed')).toBe('multiplexed');
    expect(chooseTransport('http/1.1', 'per-stream')).toBe('per-stream');
    expect(chooseTransport('h2', 'bogus')).toBe('per-stream');
  });
});
