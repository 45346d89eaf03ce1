import pino from 'pino';
import { Registry } from 'prom-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copilotSettings, type CopilotSettings } from '@marketswarm/shared/truth';
import type { CommentaryDraft } from '../commentary-rules.js';
import { startChatServer, type ChatServer } from './chat-completions-server.testing.js';
import { CommentaryPhraser } from './commentary-phraser.js';

const draft: CommentaryDraft = { kind: 'flip-cross', severity: 'warning', text: 'SPX crossed below the gamma flip 5,987.5 (5,990.00 → 5,985.00): negative gamma, moves tend to extend.', symbol: 'SPX' };

describe(CommentaryPhraser.name, () => {
  let server: ChatServer;
  let settings: CopilotSettings['provider'];
  let key: string | undefined;
  let registry: Registry;
  let phraser: CommentaryPhraser;

  beforeEach(async () => {
    server = await startChatServer({ answer: 'ok', content: 'Below the flip: expect bigger swings.' });
    settings = { ...copilotSettings.schema.parse({}).provider, enabled: true, baseUrl: server.baseUrl, breakerFailures: 1 };
    key = 'sk-phraser';
    registry = new Registry();
    phraser = new CommentaryPhraser(() => settings, () => key, pino({ level: 'silent' }), registry);
  });
  afterEach(async () => {
    await server.stop();
  });

  it('has the provider phrase the line when the service, the key and the user all allow it', async () => {
    expect(await phraser.phrase(draft, true)).toEqual({ text: 'Below the flip: expect bigger swings.', source: 'provider' });
  });

  it('keeps the rule text, without a call, when the user, the service or the key says no', async () => {
    expect(await phraser.phrase(draft, false)).toEqual({ text: draft.text, source: 'rules' });
    settings = { ...settings, enabled: false };
    expect(await phraser.phrase(draft, true)).toEqual({ text: draft.text, source: 'rules' });
    settings = { ...settings, enabled: true };
    key = undefined;
    expect(await phraser.phrase(draft, true)).toEqual({ text: draft.text, source: 'rules' });
    expect(server.requests).toHaveLength(0);
  });

  it('keeps the rule text when the provider fails, and counts why', async () => {
    server.mode = { answer: 'status', status: 500 };
    expect(await phraser.phrase(draft, true)).toEqual({ text: draft.text, source: 'rules' });
    expect(await phraser.phrase(draft, true)).toEqual({ text: draft.text, source: 'rules' });
    const metric = await registry.getSingleMetricAsString('copilot_commentary_provider_skipped_total');
    expect(metric).toContain('reason="failed"} 1');
    expect(metric).toContain('reason="breaker-open"} 1');
  });

  it('starts afresh with a closed breaker when the key is rotated', async () => {
    server.mode = { answer: 'status', status: 401 };
    await phraser.phrase(draft, true);
    server.mode = { answer: 'ok', content: 'New key works.' };
    key = 'sk-rotated';
    expect(await phraser.phrase(draft, true)).toEqual({ text: 'New key works.', source: 'provider' });
    expect(server.requests.at(-1)?.headers.authorization).toBe('Bearer sk-rotated');
  });
});
