import { describe, expect, it } from 'vitest';
import { gatewayLag } from './stream-lag.js';

describe(gatewayLag.name, () => {
  it('is level (0 ms, not behind) when the gateway has read the last id', () => {
    expect(gatewayLag('a', '1000-3', '1000-3')).toEqual({ instance: 'a', cursor: '1000-3', lagMs: 0, behind: false });
  });

  it('measures the time between the last id and the cursor when behind', () => {
    expect(gatewayLag('a', '5000-0', '1500-7')).toMatchObject({ lagMs: 3500, behind: true });
  });

  it('is behind with 0 ms when the missing entries share the cursor millisecond', () => {
    expect(gatewayLag('a', '1000-4', '1000-1')).toMatchObject({ lagMs: 0, behind: true });
  });

  it('is not behind when the gateway does not read the stream or the stream is empty', () => {
    expect(gatewayLag('a', '1000-0', undefined)).toEqual({ instance: 'a', cursor: null, lagMs: null, behind: false });
    expect(gatewayLag('a', null, '0-0')).toEqual({ instance: 'a', cursor: '0-0', lagMs: null, behind: false });
  });
});
