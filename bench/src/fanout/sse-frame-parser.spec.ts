import { describe, expect, it } from 'vitest';
import { SseFrameParser } from './sse-frame-parser.js';

describe(SseFrameParser.name, () => {
  it('reads event, data, id and retry of each complete event and skips keepalive comments', () => {
    const parser = new SseFrameParser();
    const frames = parser.push('retry: 1873\n\n: keepalive\n\nevent: vexy\ndata: {"seq":1}\nid: v1-0\n\nevent: ready\ndata: {}\nid: v1-0\n\n');
    expect(frames).toEqual([
      { event: 'message', data: '', id: undefined, retry: 1873 },
      { event: 'vexy', data: '{"seq":1}', id: 'v1-0', retry: undefined },
      { event: 'ready', data: '{}', id: 'v1-0', retry: undefined },
    ]);
  });

  it('keeps an event cut across reads until its blank line arrives', () => {
    const parser = new SseFrameParser();
    expect(parser.push('event: vexy\ndata: {"se')).toEqual([]);
    expect(parser.pending).toBeGreaterThan(0);
    expect(parser.push('q":2}\nid: v2-0\n')).toEqual([]);
    expect(parser.push('\nevent: vexy\ndata: {"seq":3}\nid: v3-0\n\n').map((f) => f.data)).toEqual(['{"seq":2}', '{"seq":3}']);
    expect(parser.pending).toBe(0);
  });

  it('forgets a cut-off event when a new connection starts', () => {
    const parser = new SseFrameParser();
    parser.push('event: vexy\ndata: {"seq":9');
    parser.reset();
    expect(parser.push('event: ready\ndata: {}\n\n')).toEqual([{ event: 'ready', data: '{}', id: undefined, retry: undefined }]);
  });
});
