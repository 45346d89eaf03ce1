import { describe, expect, it } from 'vitest';
import type { CommentaryDto } from '@marketswarm/shared/dto';
import { decodeLineNotice, encodeLineNotice } from './commentary-line-notice.js';

const item: CommentaryDto = { id: 'c1', ts: 1, kind: 'alert-fired', severity: 'critical', text: 'Alert fired: SPX above 6,000.', source: 'rules', symbol: 'SPX' };

describe('commentary line notice', () => {
  it('carries the origin instance, the owner and the line through the channel unchanged', () => {
    expect(decodeLineNotice(encodeLineNotice('copilot-a', 'u1', item))).toEqual({ origin: 'copilot-a', userId: 'u1', item });
  });

  it('refuses a message that is not JSON', () => {
    expect(decodeLineNotice('u1')).toBeNull();
  });

  it('refuses a notice whose line fails the commentary contract', () => {
    expect(decodeLineNotice(JSON.stringify({ origin: 'copilot-a', userId: 'u1', item: { ...item, text: '' } }))).toBeNull();
    expect(decodeLineNotice(JSON.stringify({ origin: 'copilot-a', item }))).toBeNull();
  });
});
