import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startChatServer, type ChatServer } from './chat-completions-server.testing.js';
import { OpenAiCompatibleProvider, type ProviderFacts } from './openai-compatible.provider.js';
import { ResilientProvider, type ProviderSkip, type ResilienceOptions } from './resilient-provider.js';

const KEY = 'sk-test-secret-4242';
const facts: ProviderFacts = { kind: 'wall-cross', symbol: 'SPX', text: 'SPX broke above the call wall 6,050 (6,048.10 → 6,051.25): dealers stop capping the rally.' };
const OPTIONS: ResilienceOptions = { timeoutMs: 2000, maxPerMinute: 100, breakerFailures: 2, halfOpenAfterMs: 200 };

describe(ResilientProvider.name, () => {
  let server: ChatServer;
  let logs: string;
  let skips: ProviderSkip[];

  const build = (options: Partial<ResilienceOptions> = {}): ResilientProvider => {
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        logs += chunk.toString('utf8');
        done();
      },
    });
    return new ResilientProvider(new OpenAiCompatibleProvider({ baseUrl: server.baseUrl, model: 'test-model', apiKey: KEY }), { ...OPTIONS, ...options }, pino({ level: 'debug' }, sink), (reason) => skips.push(reason));
  };

  beforeEach(async () => {
    server = await startChatServer({ answer: 'ok', content: '  **SPX** is through the 6,050 call wall;\n dealers no longer cap it.  ' });
    logs = '';
    skips = [];
  });
  afterEach(async () => {
    await server.stop();
  });

  it('posts the facts to chat/completions with the key as Bearer and returns the cleaned line', async () => {
    const text = await build().phrase(facts);
    expect(text).toBe('SPX is through the 6,050 call wall; dealers no longer cap it.');
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request?.path).toBe('/v1/chat/completions');
    expect(request?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(request?.body).toMatchObject({ model: 'test-model', messages: [{ role: 'system' }, { role: 'user', content: expect.stringContaining(facts.text) as unknown }] });
  });

  it('falls back (null) when the provider is slower than the timeout', async () => {
    server.mode = { answer: 'slow', afterMs: 5000 };
    expect(await build({ timeoutMs: 100 }).phrase(facts)).toBeNull();
    expect(skips).toEqual(['failed']);
  });

  it('falls back on a 500 and on an answer that is not JSON', async () => {
    const provider = build({ breakerFailures: 10 });
    server.mode = { answer: 'status', status: 500 };
    expect(await provider.phrase(facts)).toBeNull();
    server.mode = { answer: 'garbage' };
    expect(await provider.phrase(facts)).toBeNull();
    expect(skips).toEqual(['failed', 'failed']);
  });

  it('opens the breaker after N consecutive failures: later calls do not reach the server', async () => {
    server.mode = { answer: 'status', status: 500 };
    const provider = build({ breakerFailures: 2, halfOpenAfterMs: 60_000 });
    await provider.phrase(facts);
    await provider.phrase(facts);
    expect(provider.state).toBe('open');
    server.mode = { answer: 'ok', content: 'Back.' };
    expect(await provider.phrase(facts)).toBeNull();
    expect(await provider.phrase(facts)).toBeNull();
    expect(server.requests).toHaveLength(2);
    expect(skips).toEqual(['failed', 'failed', 'breaker-open', 'breaker-open']);
  });

  it('counts timeouts towards the breaker', async () => {
    server.mode = { answer: 'slow', afterMs: 5000 };
    const provider = build({ timeoutMs: 100, breakerFailures: 2, halfOpenAfterMs: 60_000 });
    await provider.phrase(facts);
    await provider.phrase(facts);
    expect(provider.state).toBe('open');
  });

  it('half-opens after the cooldown and closes again on a successful trial call', async () => {
    server.mode = { answer: 'status', status: 503 };
    const provider = build({ breakerFailures: 1, halfOpenAfterMs: 150 });
    await provider.phrase(facts);
    expect(provider.state).toBe('open');
    server.mode = { answer: 'ok', content: 'Recovered.' };
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await provider.phrase(facts)).toBe('Recovered.');
    expect(provider.state).toBe('closed');
    expect(server.requests).toHaveLength(2);
  });

  it('stops calling past its per-minute limit', async () => {
    const provider = build({ maxPerMinute: 1 });
    expect(await provider.phrase(facts)).toBe('SPX is through the 6,050 call wall; dealers no longer cap it.');
    expect(await provider.phrase(facts)).toBeNull();
    expect(server.requests).toHaveLength(1);
    expect(skips).toEqual(['rate-limited']);
  });

  it('never writes the key to the log, whatever happens', async () => {
    const provider = build({ timeoutMs: 100, breakerFailures: 3 });
    server.mode = { answer: 'status', status: 401 };
    await provider.phrase(facts);
    server.mode = { answer: 'slow', afterMs: 5000 };
    await provider.phrase(facts);
    server.mode = { answer: 'garbage' };
    await provider.phrase(facts);
    await provider.phrase(facts);
    expect(logs).toContain('commentary provider failed');
    expect(logs).toContain('commentary provider circuit opened');
    expect(logs).not.toContain(KEY);
  });
});
