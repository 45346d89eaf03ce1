import { describe, expect, it } from 'vitest';
import type { CommentaryServerMessage } from '@marketswarm/shared/dto';
import { CommentaryAudience } from './commentary-audience.js';

const message: CommentaryServerMessage = { type: 'commentary', item: { id: 'c1', ts: 1, kind: 'on-demand', severity: 'info', text: 'SPX 6,000.00.', source: 'rules' } };

describe(CommentaryAudience.name, () => {
  it('sends one serialised frame to every socket of the user and none of another', () => {
    const audience = new CommentaryAudience();
    const got: Record<string, string[]> = { a1: [], a2: [], b1: [] };
    audience.join('alice', 'a1', (frame) => got['a1']?.push(frame));
    audience.join('alice', 'a2', (frame) => got['a2']?.push(frame));
    audience.join('bob', 'b1', (frame) => got['b1']?.push(frame));
    expect(audience.send('alice', message)).toBe(true);
    expect(got).toEqual({ a1: [JSON.stringify(message)], a2: [JSON.stringify(message)], b1: [] });
  });

  it('forgets a user once their last socket left', () => {
    const audience = new CommentaryAudience();
    audience.join('alice', 'a1', () => undefined);
    audience.join('alice', 'a2', () => undefined);
    audience.leave('alice', 'a1');
    expect(audience.users()).toEqual(['alice']);
    audience.leave('alice', 'a2');
    expect(audience.users()).toEqual([]);
    expect(audience.has('alice')).toBe(false);
    expect(audience.send('alice', message)).toBe(false);
  });
});
