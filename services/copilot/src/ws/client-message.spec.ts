import { describe, expect, it } from 'vitest';
import { melClientMessageSchema } from '@marketswarm/shared/dto';
import { parseClientMessage } from './client-message.js';

describe(parseClientMessage.name, () => {
  it('returns the typed message of a valid JSON text frame', () => {
    expect(parseClientMessage(Buffer.from('{"type":"set-dte","dte":0}'), false, melClientMessageSchema)).toEqual({ ok: true, message: { type: 'set-dte', dte: 0 } });
  });

  it('names the refused field of a message that does not fit the map', () => {
    const parsed = parseClientMessage('{"type":"set-dte","dte":"soon"}', false, melClientMessageSchema);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.type).toBe('error');
    expect(parsed.error.path).toBe('dte');
    expect(parsed.error.message).toMatch(/^dte: /);
  });

  it('says when a frame is not JSON', () => {
    const parsed = parseClientMessage('{type: set-dte}', false, melClientMessageSchema);
    expect(parsed).toMatchObject({ ok: false, error: { type: 'error', path: '(root)' } });
    if (!parsed.ok) expect(parsed.error.message).toMatch(/^not JSON: /);
  });

  it('refuses binary frames', () => {
    expect(parseClientMessage(Buffer.from([1, 2, 3]), true, melClientMessageSchema)).toEqual({
      ok: false,
      error: { type: 'error', message: 'binary frames are not accepted: send one JSON text frame per message', path: '(root)' },
    });
  });
});
