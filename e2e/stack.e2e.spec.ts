import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { connect } from 'node:http2';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, type TestStack } from '@marketswarm/shared/testing';
import { ownTestStack } from './shared-stack.js';
import { H2Client, type H2Response } from './h2-client.js';

const exec = promisify(execFile);

interface StatusJson {
  healthy: boolean;
  truth: { loaded: string | null; matches: boolean };
  components: { id: string; process: string; pid: number | null; restarts: number; heartbeat: string }[];
}

async function status(stack: TestStack): Promise<{ code: number | null; json: StatusJson }> {
  const run = await stack.admin(['status', '--json']);
  return { code: run.code, json: JSON.parse(run.stdout) as StatusJson };
}

async function waitFor<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** One request on a connection of its own, as a fresh browser tab makes it. */
async function h2Request(base: string, path: string, json?: unknown): Promise<H2Response> {
  const client = new H2Client(base);
  try {
    return json === undefined ? await client.request(path) : await client.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(json) });
  } finally {
    client.close();
  }
}

describe('the whole stack under pm2 behind nginx', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await ownTestStack();
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('runs every process online in pm2', async () => {
    const all = JSON.parse(await stack.pm2(['jlist'])) as { name: string; pm2_env: { status: string; cron_restart?: string } }[];
    // The scheduled backup is registered but stopped: pm2 starts it at its cron time only.
    const backup = all.find((p) => p.name === 'fotw-backup');
    expect(backup?.pm2_env).toMatchObject({ status: 'stopped', cron_restart: '15 2 * * *' });
    const list = all.filter((p) => p !== backup);
    const names = list.map((p) => p.name).sort();
    expect(names).toEqual(
      ['fotw-copilot', 'fotw-intel', 'fotw-journal', 'fotw-massive', 'fotw-nginx', 'fotw-redis-intel', 'fotw-redis-market', 'fotw-redis-system', 'fotw-sse', 'fotw-static', 'fotw-watch'].sort(),
    );
    expect(list.every((p) => p.pm2_env.status === 'online')).toBe(true);
    // Bringing the stack up starts each process once: Redis is never restarted under loaded truth.
    const restarts = JSON.parse(await stack.pm2(['jlist'])) as { name: string; pm2_env: { restart_time: number } }[];
    expect(restarts.filter((p) => p.pm2_env.restart_time > 0).map((p) => p.name)).toEqual([]);
  });

  it('answers /api/health over HTTP/2 and TLS through nginx', async () => {
    const res = await h2Request(stack.nginxUrl, '/api/health');
    expect(res.alpn).toBe('h2');
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', service: 'sse' });
    const curl = await exec('curl', ['-sk', '--http2', '-o', '/dev/null', '-w', '%{http_version} %{http_code}', `${stack.nginxUrl}/api/health`]);
    expect(curl.stdout).toBe('2 200');
  });

  it('seeds a demo trader whose printed login works through nginx', async () => {
    const match = /demo login: (\S+) \/ (\S+)/.exec(stack.upOutput);
    expect(match, stack.upOutput).not.toBeNull();
    const res = await h2Request(stack.nginxUrl, '/api/auth/login', { email: match![1], password: match![2] });
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({ user: { email: 'demo@marketswarm.local', role: 'trader' } });
  });

  it('streams events through nginx over HTTP/2 to a signed-in client', async () => {
    const [, email, password] = /demo login: (\S+) \/ (\S+)/.exec(stack.upOutput) ?? [];
    const session = connect(stack.nginxUrl, { rejectUnauthorized: false });
    try {
      const cookie = await new Promise<string>((resolve, reject) => {
        const req = session.request({ ':path': '/api/auth/login', ':method': 'POST', 'content-type': 'application/json' });
        req.on('response', (headers) => resolve((headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ')));
        req.on('error', reject);
        req.resume();
        req.end(JSON.stringify({ email, password }));
      });
      const stream = session.request({ ':path': '/sse/vexy', cookie, 'accept-encoding': 'gzip' });
      let text = '';
      let contentType = '';
      stream.on('response', (headers) => (contentType = String(headers['content-type']) + String(headers['content-encoding'] ?? '')));
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => (text += chunk));
      await waitFor('ready', 10_000, () => Promise.resolve(text.includes('event: ready') ? true : undefined));
      const published = await stack.admin(['publish', 'vexy', '{"text":"hello through nginx","seq":7}']);
      expect(published.code, published.stderr).toBe(0);
      await waitFor('the event', 10_000, () => Promise.resolve(text.includes('hello through nginx') ? true : undefined));
      expect(contentType).toBe('text/event-stream; charset=utf-8');
      expect(text).toMatch(/event: vexy\ndata: \{[^\n]*hello through nginx[^\n]*\}\nid: v[0-9a-z]+-[0-9a-z]+\n\n/);
      stream.close();
    } finally {
      session.close();
    }
  });

  it('exports every metric the alert rules use from some process of the stack', async () => {
    const rules = await readFile(path.join(repoRoot, 'docs/ops/alert-rules.yml'), 'utf8');
    const used = new Set(rules.match(/\bms_[a-z0-9_]+/g));
    expect(used.size).toBeGreaterThan(5);
    const exported = new Set<string>();
    for (const [id, port] of Object.entries(stack.ports)) {
      if (id === 'nginx' || id.startsWith('redis')) continue;
      const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      for (const match of text.matchAll(/^# TYPE (\S+)/gm)) exported.add(match[1]!);
    }
    expect([...used].filter((metric) => !exported.has(metric))).toEqual([]);
  });

  it('serves the SPA through nginx', async () => {
    const res = await h2Request(stack.nginxUrl, '/');
    expect(res.status).toBe(200);
    expect(res.text()).toContain('<div id="root">');
  });

  it('shows every heartbeat fresh and the loaded truth version in ./admin status', async () => {
    const { code, json } = await status(stack);
    expect(code).toBe(0);
    expect(json.healthy).toBe(true);
    expect(json.truth.loaded).toMatch(/^1\.0\.0\+[0-9a-f]{12}$/);
    expect(json.truth.matches).toBe(true);
    const services = json.components.filter((c) => c.heartbeat !== 'none').map((c) => [c.id, c.heartbeat]);
    expect(services).toEqual(expect.arrayContaining([['sse', 'fresh'], ['journal', 'fresh'], ['copilot', 'fresh'], ['static', 'fresh'], ['massive', 'fresh'], ['intel', 'fresh']]));
  });

  it('flags a hung service as stale, and fresh again once it resumes', async () => {
    const before = (await status(stack)).json.components.find((c) => c.id === 'copilot');
    expect(before?.pid).toBeTypeOf('number');
    process.kill(before!.pid!, 'SIGSTOP');
    try {
      const stale = await waitFor('copilot stale', 15_000, async () => {
        const s = await status(stack);
        return s.json.components.find((c) => c.id === 'copilot')?.heartbeat === 'stale' ? s : undefined;
      });
      expect(stale.code).toBe(1);
      expect(stale.json.healthy).toBe(false);
    } finally {
      process.kill(before!.pid!, 'SIGCONT');
    }
    await waitFor('copilot fresh', 15_000, async () => ((await status(stack)).json.components.find((c) => c.id === 'copilot')?.heartbeat === 'fresh' ? true : undefined));
  });

  it('restarts a killed service under pm2 and its heartbeat comes back from the new process', async () => {
    const before = (await status(stack)).json.components.find((c) => c.id === 'journal')!;
    process.kill(before.pid!, 'SIGKILL');
    const after = await waitFor('journal restarted', 30_000, async () => {
      const row = (await status(stack)).json.components.find((c) => c.id === 'journal');
      return row && row.pid !== before.pid && row.heartbeat === 'fresh' ? row : undefined;
    });
    expect(after.restarts).toBe(before.restarts + 1);
    expect(after.process).toBe('online');
    const health = await h2Request(stack.nginxUrl, '/api/health');
    expect(health.status).toBe(200);
  });
});
