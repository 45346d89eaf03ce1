import { describe, expect, it } from 'vitest';
import type { CommentaryConfigPatch, CommentaryTriggerBody } from '@marketswarm/shared/dto';
import { applyCommentaryMessage, CommentaryFeed, EMPTY_COMMENTARY, mergeCommentary } from './commentary-feed';
import { commentary, config } from './testing/commentary-fixture';
import { FakeSocket } from './testing/fake-socket';

const ids = (items: readonly { id: string }[]) => items.map((i) => i.id);

describe(mergeCommentary.name, () => {
  it('keeps newest first, each id once, and at most the bound', () => {
    const current = [commentary('b', 2), commentary('a', 1)];
    expect(ids(mergeCommentary(current, [commentary('c', 3), commentary('b', 2)]))).toEqual(['c', 'b', 'a']);
    expect(ids(mergeCommentary(current, [commentary('old', 0)]))).toEqual(['b', 'a', 'old']);
    expect(ids(mergeCommentary(current, [commentary('c', 3)], 2))).toEqual(['c', 'b']);
  });
});

describe(applyCommentaryMessage.name, () => {
  it('takes the config from init and config_update, the recent list, then live items on top', () => {
    let state = applyCommentaryMessage(EMPTY_COMMENTARY, { type: 'init', config: config({ maxPerMinute: 3 }) });
    state = applyCommentaryMessage(state, { type: 'recent', items: [commentary('b', 2), commentary('a', 1)] });
    state = applyCommentaryMessage(state, { type: 'commentary', item: commentary('c', 3) });
    state = applyCommentaryMessage(state, { type: 'config_update', config: config({ enabled: false }) });
    expect(ids(state.items)).toEqual(['c', 'b', 'a']);
    expect(state.config).toMatchObject({ enabled: false, maxPerMinute: 6 });
  });

  it('keeps the last refusal until the next config', () => {
    const refused = applyCommentaryMessage(EMPTY_COMMENTARY, { type: 'error', message: 'must be at most 30', path: 'patch.maxPerMinute' });
    expect(refused.error).toBe('must be at most 30');
    expect(applyCommentaryMessage(refused, { type: 'config_update', config: config() }).error).toBeUndefined();
  });
});

describe(CommentaryFeed.name, () => {
  function feed() {
    const sockets: FakeSocket[] = [];
    const rest = { puts: [] as CommentaryConfigPatch[], triggers: [] as CommentaryTriggerBody[] };
    const f = new CommentaryFeed({
      createSocket: (url) => {
        const socket = new FakeSocket(url);
        sockets.push(socket);
        return socket;
      },
      location: { protocol: 'https:', host: 'desk.example' },
      setTimer: () => undefined,
      rest: {
        putConfig: (patch) => {
          rest.puts.push(patch);
          return Promise.resolve(config({ ...patch }));
        },
        trigger: (body) => {
          rest.triggers.push(body);
          return Promise.resolve();
        },
      },
    });
    f.start();
    return { f, rest, socket: () => sockets[sockets.length - 1]! };
  }

  it('asks and configures over the open socket', async () => {
    const { f, rest, socket } = feed();
    expect(socket().url).toBe('wss://desk.example/ws/commentary');
    socket().accept();
    await f.trigger('Is the pin holding?');
    await f.trigger(undefined);
    await f.updateConfig({ maxPerMinute: 2 });
    expect(socket().sent.map((s) => JSON.parse(s) as unknown)).toEqual([
      { type: 'trigger', question: 'Is the pin holding?' },
      { type: 'trigger' },
      { type: 'config_update', patch: { maxPerMinute: 2 } },
    ]);
    expect(rest).toEqual({ puts: [], triggers: [] });
  });

  it('falls back to REST while the socket is down, and shows the saved config', async () => {
    const { f, rest, socket } = feed();
    socket().drop(1006);
    await f.trigger('Why?');
    await f.updateConfig({ enabled: false });
    expect(rest.triggers).toEqual([{ question: 'Why?' }]);
    expect(rest.puts).toEqual([{ enabled: false }]);
    expect(f.getState().config?.enabled).toBe(false);
  });
});
