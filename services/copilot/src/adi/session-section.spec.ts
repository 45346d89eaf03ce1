import { describe, expect, it } from 'vitest';
import { sessionSection } from './session-section.js';

// Monday 2026-12-07 is on Eastern Standard Time (UTC−5): 09:30 New York is 14:30 UTC.
const est = (hhmm: string): number => Date.parse(`2026-12-07T${hhmm}:00Z`);

describe(sessionSection.name, () => {
  it('carries the session phase and the minutes to the SPX options\' 16:15 close, and only the fields ADI exports', () => {
    expect(sessionSection('SPX', est('14:30'))).toEqual({ phase: 'open', date: '2026-12-07', time: '09:30', minutesToClose: 405, closesAt: '16:15' });
    expect(sessionSection('SPX', est('19:30'))).toEqual({ phase: 'late', date: '2026-12-07', time: '14:30', minutesToClose: 105, closesAt: '16:15' });
  });

  it('has no minutes to the close while closed', () => {
    expect(sessionSection('SPX', est('14:29'))).toEqual({ phase: 'closed', date: '2026-12-07', time: '09:29', minutesToClose: null, closesAt: '16:15' });
  });
});
