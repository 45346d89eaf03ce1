import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PositionSeal } from './position-seal.js';
import { CursorCodec, ResumeCursor } from './resume-cursor.js';

const codec = new CursorCodec(new PositionSeal(randomBytes(32)));

describe(ResumeCursor.name, () => {
  it('round-trips positions in several topics through a short ASCII id', () => {
    const cursor = codec.cursor();
    cursor.set('spot', { ms: 1_763_800_000_123, seq: 0 });
    cursor.set('intel', { ms: 1_763_800_000_456, seq: 37 });
    const text = cursor.toString();
    expect(text).toMatch(/^[a-z0-9.-]+$/);
    expect(text.length).toBeLessThan(30);
    const parsed = codec.parse(text);
    expect(parsed?.get('spot')).toEqual({ ms: 1_763_800_000_123, seq: 0 });
    expect(parsed?.get('intel')).toEqual({ ms: 1_763_800_000_456, seq: 37 });
    expect(parsed?.get('alerts')).toBeUndefined();
  });

  it('formats again only the segment of the topic that moved, and says the same as a cursor built afresh', () => {
    const formatted: string[] = [];
    const counting = new (class extends CursorCodec {
      override segment(...args: Parameters<CursorCodec['segment']>): string {
        formatted.push(args[0]);
        return super.segment(...args);
      }
    })(new PositionSeal(randomBytes(32)));
    const cursor = counting.cursor();
    cursor.set('spot', { ms: 1_000, seq: 1 });
    cursor.set('vexy', { ms: 2_000, seq: 0 });
    cursor.set('alerts', { ms: 3_000, seq: 0 });
    cursor.toString();
    formatted.length = 0;
    cursor.set('spot', { ms: 1_500, seq: 0 });
    const text = cursor.toString();
    expect(formatted).toEqual(['spot']);
    const parsed = counting.parse(text);
    expect([parsed?.get('spot'), parsed?.get('vexy'), parsed?.get('alerts')]).toEqual([{ ms: 1_500, seq: 0 }, { ms: 2_000, seq: 0 }, { ms: 3_000, seq: 0 }]);
  });

  it('orders ids by time, then sequence', () => {
    const cursor = codec.cursor();
    cursor.set('spot', { ms: 100, seq: 5 });
    expect(cursor.isNew('spot', { ms: 100, seq: 5 })).toBe(false);
    expect(cursor.isNew('spot', { ms: 100, seq: 4 })).toBe(false);
    expect(cursor.isNew('spot', { ms: 100, seq: 6 })).toBe(true);
    expect(cursor.isNew('spot', { ms: 99, seq: 99 })).toBe(false);
    expect(cursor.isNew('spot', { ms: 101, seq: 0 })).toBe(true);
    expect(cursor.isNew('gex', { ms: 0, seq: 0 })).toBe(true);
  });

  it.each(['', 'garbage', 'q1-1', 's-1', 'szz', 's1-1.', 's1-1-1', 'sZ-1', 'x'.repeat(2000), 'a3-0'])('rejects the malformed id %j', (text) => {
    expect(codec.parse(text)).toBeNull();
  });

  it('forgets topics the connection no longer follows', () => {
    const cursor = codec.parse('s1-0.i2-0')!;
    cursor.set('alerts', { ms: 3, seq: 0 });
    cursor.restrictTo(['intel']);
    expect(cursor.toString()).toBe('i2-0');
  });

  describe('on user-scoped topics (regression: the alerts position decoded to the millisecond of another user’s alert)', () => {
    const at = { ms: 1_763_800_000_123, seq: 4 };

    it('writes an opaque position that only the sealing key reads back', () => {
      const cursor = codec.cursor();
      cursor.set('alerts', at);
      const text = cursor.toString();
      expect(text).toMatch(/^a[A-Za-z0-9_-]{22}$/);
      expect(text).not.toContain(at.ms.toString(36));
      expect(codec.parse(text)?.get('alerts')).toEqual(at);
      expect(new CursorCodec(new PositionSeal(randomBytes(32))).parse(text)).toBeNull();
    });

    it('seals every user topic and leaves market topics readable', () => {
      const cursor = codec.cursor();
      for (const topic of ['alerts', 'trades', 'positions', 'risk-graph'] as const) cursor.set(topic, at);
      cursor.set('spot', at);
      const segments = cursor.toString().split('.');
      expect(segments.filter((s) => s.length === 23)).toHaveLength(4);
      expect(segments).toContain(`s${at.ms.toString(36)}-${at.seq.toString(36)}`);
      const parsed = codec.parse(cursor.toString());
      expect(parsed?.get('risk-graph')).toEqual(at);
      expect(parsed?.get('trades')).toEqual(at);
    });

    it('seals the same position differently each time, so an unchanged id never tells that nothing happened', () => {
      const texts = new Set(Array.from({ length: 50 }, () => codec.segment('alerts', at)));
      expect(texts.size).toBe(50);
      for (const text of texts) expect(codec.parse(text)?.get('alerts')).toEqual(at);
    });

    it('gives neighbouring positions unrelated texts', () => {
      const a = codec.segment('alerts', at);
      const b = codec.segment('alerts', { ...at, seq: at.seq + 1 });
      const shared = [...a].filter((ch, i) => b[i] === ch).length;
      expect(shared).toBeLessThan(10);
    });

    it('refuses a sealed text it did not write', () => {
      let accepted = 0;
      for (let i = 0; i < 2000; i++) if (codec.parse(`a${randomBytes(16).toString('base64url')}`)) accepted++;
      // The 16-bit check lets about 1 in 65,536 through: of 2000 forgeries, almost surely none.
      expect(accepted).toBeLessThanOrEqual(3);
    });
  });
});
