import { describe, expect, it } from 'vitest';
import { encodeControl, encodeEventBody, encodeFrame, encodeIdTail, encodeRetry } from './frame-encoder.js';

describe('frame encoder', () => {
  it('frames an event as event, data and id lines ended by a blank line', () => {
    const frame = Buffer.concat([encodeEventBody('spot', '{"a":1}'), encodeIdTail('s1-0')]).toString();
    expect(frame).toBe('event: spot\ndata: {"a":1}\nid: s1-0\n\n');
  });

  it('builds the same frame in one buffer from a shared body and an id', () => {
    const body = encodeEventBody('vexy', '{"text":"é"}');
    expect(encodeFrame(body, 's1-0.v2-3')).toEqual(Buffer.concat([body, encodeIdTail('s1-0.v2-3')]));
  });

  it('keeps text with line breaks on one data line (escaped by JSON)', () => {
    const body = encodeEventBody('vexy', JSON.stringify({ text: 'line one\nline two\r\n' })).toString();
    expect(body.split('\n')).toHaveLength(3);
    expect(body).toContain('line one\\nline two\\r\\n');
  });

  it('writes retry and control frames', () => {
    expect(encodeRetry(2000.4)).toBe('retry: 2000\n\n');
    expect(encodeControl('reset', { topic: 'spot', reason: 'retention' }).toString()).toBe('event: reset\ndata: {"topic":"spot","reason":"retention"}\n\n');
    // @ts-expect-error a control event's payload is checked against the shared control map
    encodeControl('reset', { topic: 'spot' });
  });
});
