import { describe, expect, it } from 'vitest';
import { SseFrameParser } from './sse-frame-parser.js';

describe(SseFrameParser.name, () => {
  it('dispatches named events with their id once the blank line arrives', () => {
    const parser = new SseFrameParser();
    expect(parser.push('event: vexy\nid: v1-0\ndata: {"a":1}\n').frames).toEqual([]);
    expect(parser.push('\n').frames).toEqual([{ event: 'vexy', data: '{"a":1}', id: 'v1-0' }]);
  });

  it('reassembles a frame split in the middle of a line and across CRLF', () => {
    const parser = new SseFrameParser();
    const frames = [...parser.push('event: mo').frames, ...parser.push('de\r').frames, ...parser.push('\ndata: x\r\n\r\n').frames];
    expect(frames).toEqual([{ event: 'mode', data: 'x', id: undefined }]);
  });

  it('skips keepalive comments and reports the announced retry delay', () => {
    const result = new SseFrameParser().push(': keepalive\n\nretry: 1850\n\n');
    expect(result.frames).toEqual([]);
    expect(result.retryMs).toBe(1850);
  });

  it('joins multi-line data and defaults the event name to message', () => {
    expect(new SseFrameParser().push('data: a\ndata: b\n\n').frames).toEqual([{ event: 'message', data: 'a\nb', id: undefined }]);
  });

  it('drops a half-received event on reset', () => {
    const parser = new SseFrameParser();
    parser.push('event: vexy\ndata: cut');
    parser.reset();
    expect(parser.push('\n\n').frames).toEqual([]);
  });
});
