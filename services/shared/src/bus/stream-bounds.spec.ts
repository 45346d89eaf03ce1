import { describe, expect, it } from 'vitest';
import { resumeVerdict, type StreamBounds } from './stream-bounds.js';

const id = (ms: number, seq = 0) => ({ ms, seq });
const bounds = (over: Partial<StreamBounds>): StreamBounds => ({ last: id(100), first: id(50), length: 51, added: 51, maxDeleted: id(0), ...over });

describe(resumeVerdict.name, () => {
  it('replays a position inside the retained window', () => {
    expect(resumeVerdict(id(60), bounds({}))).toBe('replay');
    expect(resumeVerdict(id(50), bounds({ added: 500 }))).toBe('replay');
  });

  it('replays nothing, exactly, for a client already at the newest entry', () => {
    expect(resumeVerdict(id(100), bounds({ added: 1000 }))).toBe('replay');
  });

  it('resets a position older than the oldest kept entry once anything was trimmed', () => {
    expect(resumeVerdict(id(49), bounds({ added: 500 }))).toBe('retention');
  });

  it('replays from before the first entry when nothing was ever trimmed', () => {
    expect(resumeVerdict(id(0), bounds({}))).toBe('replay');
  });

  it('resets a position before an XDEL-ed entry', () => {
    expect(resumeVerdict(id(70), bounds({ maxDeleted: id(80) }))).toBe('retention');
  });

  it('resets a position the stream never reached (Redis lost data)', () => {
    expect(resumeVerdict(id(101), bounds({}))).toBe('unknown-position');
  });

  it('resets when everything after the position was trimmed away', () => {
    expect(resumeVerdict(id(90), bounds({ length: 0, added: 200, first: id(0) }))).toBe('retention');
  });
});
