import { describe, expect, it } from 'vitest';
import { gatewayLag } from './stream-lag.js';

describe(gatewayLag.name, () => {
  it('is level (0 ms, not behind) when the gateway had read everything written by its report', () => {
    expect(gatewayLag('a', '1000-3', null, 5000)).toEqual({ instance: 'a', cursor: '1000-3', lagMs: 0, behind: false });
  });

  it('is the age, at the report, of the oldest entry the gateway had not read', () => {
    expect(gatewayLag('a', '1500-7', 2000, 5000)).toEqual({ instance: 'a', cursor: '1500-7', lagMs: 3000, behind: true });
  });

  it('is behind with 0 ms when the unread entry was written in the reporting millisecond', () => {
    expect(gatewayLag('a', '1000-1', 5000, 5000)).toMatchObject({ lagMs: 0, behind: true });
  });

  it('has no lag to show when the gateway does not read the stream', () => {
    expect(gatewayLag('a', undefined, null, 5000)).toEqual({ instance: 'a', cursor: null, lagMs: null, behind: false });
  });
});
