import { describe, expect, it } from 'vitest';
import { sessionCloseOf } from './session-close.js';

describe('sessionCloseOf', () => {
  it('expires an SPY order placed Monday 2 March 2026 at 10:00 EST at 16:00 EST (21:00 UTC)', () => {
    expect(sessionCloseOf(Date.UTC(2026, 2, 2, 15), 'SPY')).toBe(Date.UTC(2026, 2, 2, 21));
  });

  it('gives SPX, NDX, RUT and their weekly roots the 16:15 index close (21:15 UTC in winter)', () => {
    for (const symbol of ['SPX', 'NDX', 'RUT', 'SPXW']) expect(sessionCloseOf(Date.UTC(2026, 2, 2, 15), symbol)).toBe(Date.UTC(2026, 2, 2, 21, 15));
    expect(sessionCloseOf(Date.UTC(2026, 2, 2, 15), 'XSP')).toBe(Date.UTC(2026, 2, 2, 21));
  });

  it('follows daylight saving: Wednesday 1 July 2026 closes at 16:00 EDT (20:00 UTC)', () => {
    expect(sessionCloseOf(Date.UTC(2026, 6, 1, 14), 'QQQ')).toBe(Date.UTC(2026, 6, 1, 20));
  });

  it('puts an order placed after Friday\'s close in Monday\'s session, across the DST change of 8 March', () => {
    // Friday 6 March 17:00 EST → Monday 9 March 16:00 EDT.
    expect(sessionCloseOf(Date.UTC(2026, 2, 6, 22), 'SPY')).toBe(Date.UTC(2026, 2, 9, 20));
  });

  it('puts a Saturday order in Monday\'s session', () => {
    expect(sessionCloseOf(Date.UTC(2026, 2, 7, 15), 'SPX')).toBe(Date.UTC(2026, 2, 9, 20, 15));
  });

  it('keeps an order placed one minute before the close in that session', () => {
    expect(sessionCloseOf(Date.UTC(2026, 2, 2, 20, 59), 'SPY')).toBe(Date.UTC(2026, 2, 2, 21));
    expect(sessionCloseOf(Date.UTC(2026, 2, 2, 21), 'SPY')).toBe(Date.UTC(2026, 2, 3, 21));
  });
});
