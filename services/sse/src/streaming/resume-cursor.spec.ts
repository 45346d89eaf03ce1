import { describe, expect, it } from 'vitest';
import { ResumeCursor } from './resume-cursor.js';

describe(ResumeCursor.name, () => {
  it('round-trips positions in several topics through a short ASCII id', () => {
    const cursor = new ResumeCursor();
    cursor.set('spot', { ms: 1_763_800_000_123, seq: 0 });
    cursor.set('intel', { ms: 1_763_800_000_456, seq: 37 });
    const text = cursor.toString();
    expect(text).toMatch(/^[a-z0-9.-]+$/);
    expect(text.length).toBeLessThan(30);
    const parsed = ResumeCursor.parse(text);
    expect(parsed?.get('spot')).toEqual({ ms: 1_763_800_000_123, seq: 0 });
    expect(parsed?.get('intel')).toEqual({ ms: 1_763_800_000_456, seq: 37 });
    expect(parsed?.get('alerts')).toBeUndefined();
  });

  it('orders ids by time, then sequence', () => {
    const cursor = new ResumeCursor();
    cursor.set('spot', { ms: 100, seq: 5 });
    expect(cursor.isNew('spot', { ms: 100, seq: 5 })).toBe(false);
    expect(cursor.isNew('spot', { ms: 100, seq: 4 })).toBe(false);
    expect(cursor.isNew('spot', { ms: 100, seq: 6 })).toBe(true);
    expect(cursor.isNew('spot', { ms: 99, seq: 99 })).toBe(false);
    expect(cursor.isNew('spot', { ms: 101, seq: 0 })).toBe(true);
    expect(cursor.isNew('gex', { ms: 0, seq: 0 })).toBe(true);
  });

  it.each(['', 'garbage', 'q1-1', 's-1', 'szz', 's1-1.', 'x'.repeat(2000)])('rejects the malformed id %j', (text) => {
    expect(ResumeCursor.parse(text)).toBeNull();
  });

  it('forgets topics the connection no longer follows', () => {
    const cursor = ResumeCursor.parse('s1-0.i2-0.a3-0')!;
    cursor.restrictTo(['intel']);
    expect(cursor.toString()).toBe('i2-0');
  });
});
