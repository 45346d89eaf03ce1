import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { heartbeatKey, type HeartbeatRecord } from '@marketswarm/shared/heartbeat';
import { appendRecoveryAction, INITIAL_RECOVERY_STATE, readRecoveryLog, readRecoveryStates, writeHealthReport, writeRecoveryState, type HealthReport } from '@marketswarm/shared/ops';
import { createSignedInAccount, signIn, type SignedInAccount } from '@marketswarm/shared/testing';
import type { AdminTruthView, AdminUsersView, GatewaysView, RecoveryReset, RecoveryView, ServicesView, StreamsView } from '@marketswarm/shared/dto';
import { useGatewayFixture, spotTicks } from '../testing/gateway-fixture.js';

/** Every admin route with a method and a path a request can take as is. */
const ADMIN_ROUTES: [string, string][] = [
  ['GET', '/api/admin/services'],
  ['GET', '/api/admin/truth'],
  ['GET', '/api/admin/streams'],
  ['GET', '/api/admin/gateways'],
  ['GET', '/api/admin/recovery'],
  ['GET', '/api/admin/users'],
  ['GET', '/api/admin/connections'],
  ['GET', '/api/admin/heartbeats'],
  ['POST', '/api/admin/recovery/journal/reset'],
  ['POST', '/api/admin/users/u_nobody/disable'],
  ['POST', '/api/admin/users/u_nobody/enable'],
  ['POST', '/api/admin/users/u_nobody/role'],
  ['DELETE', '/api/admin/users/u_nobody/sessions'],
];

describe('the admin API on a real gateway', () => {
  const f = useGatewayFixture();
  let admin: SignedInAccount | undefined;

  /** One admin for the file, created on first use (the fixture is filled in by its beforeAll). */
  const anAdmin = async () => (admin ??= await createSignedInAccount(f.clients.system, 'ops@example.com', { role: 'admin' }));
  const call = async (method: string, path: string, who: { cookie: string; csrf?: string }, body?: unknown) => {
    const headers: Record<string, string> = { cookie: who.cookie };
    if (who.csrf) headers['x-csrf-token'] = who.csrf;
    if (body !== undefined) headers['content-type'] = 'application/json';
    return fetch(`${f.gateway.url}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  };
  const view = async <T,>(path: string): Promise<T> => {
    const res = await call('GET', path, await anAdmin());
    expect(res.status, path).toBe(200);
    return (await res.json()) as T;
  };
  const csrfOf = (cookie: string) => /ms_csrf=([^;]+)/.exec(cookie)?.[1] ?? '';
  const login = (email: string, password = 'correct horse battery') =>
    fetch(`${f.gateway.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });

  it('refuses a trader with 403 on every admin route, even with a valid CSRF token', async () => {
    const trader = { cookie: f.alice.cookie, csrf: csrfOf(f.alice.cookie) };
    for (const [method, path] of ADMIN_ROUTES) {
      const res = await call(method, path, trader, method === 'POST' && path.endsWith('/role') ? { role: 'admin' } : undefined);
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(await res.json(), `${method} ${path}`).toMatchObject({ message: 'this route needs the admin role' });
    }
  });

  it("lists every process with its heartbeat, and the watch's scores, restarts and memory once it reports", async () => {
    const before = await view<ServicesView>('/api/admin/services');
    expect(before.watch).toEqual({ state: 'absent', ts: null, overall: null });
    expect(before.services.find((s) => s.id === 'sse')).toMatchObject({ pm2: 'fotw-sse', score: null, status: 'unknown', heartbeat: { state: 'fresh' } });
    expect(before.services.find((s) => s.id === 'journal')?.heartbeat?.state).toBe('missing');

    const report: HealthReport = {
      ts: Date.now(),
      intervalMs: 60_000,
      overall: { score: 75, status: 'degraded' },
      services: [
        {
          id: 'sse',
          pm2: 'fotw-sse',
          score: 100,
          status: 'healthy',
          checks: { redis: true, heartbeat: 'fresh', heartbeatAgeSec: 0.5, http: true },
          process: { status: 'online', pid: f.gateway.child.pid ?? 0, restarts: 3, memoryBytes: 123_456_789, cpuPct: 2, uptimeSec: 60 },
          recovery: { attempts: 0, failed: false, lastAttemptAt: null },
        },
        {
          id: 'sse-2',
          pm2: 'fotw-sse-2',
          score: 100,
          status: 'healthy',
          checks: { redis: true, heartbeat: 'fresh', heartbeatAgeSec: 0.5, http: true },
          process: { status: 'online', pid: 4242, restarts: 0, memoryBytes: 100_000_000, cpuPct: 1, uptimeSec: 60 },
          recovery: { attempts: 0, failed: false, lastAttemptAt: null },
        },
        {
          id: 'journal',
          pm2: 'fotw-journal',
          score: 0,
          status: 'failed',
          checks: { redis: true, heartbeat: 'missing', heartbeatAgeSec: null, http: false },
          process: null,
          recovery: { attempts: 3, failed: true, lastAttemptAt: Date.now() },
        },
      ],
      redis: [{ bus: 'system', reachable: true, usedMemoryBytes: 2_000_000, maxMemoryBytes: null, aof: true }],
    };
    await writeHealthReport(f.clients.system, report);
    // A second gateway, outside truth's components, beats under its own id.
    const second: HeartbeatRecord = { service: 'sse-2', version: '0.1.0', pid: 4242, host: 'h', port: 3021, startedAt: 0, ts: Date.now(), uptimeSec: 60, intervalMs: 60_000, truthVersion: null };
    await f.clients.system.set(heartbeatKey('sse-2'), JSON.stringify(second), 'EX', 60);
    const after = await view<ServicesView>('/api/admin/services');
    expect(after.watch).toEqual({ state: 'fresh', ts: report.ts, overall: { score: 75, status: 'degraded' } });
    expect(after.services.find((s) => s.id === 'sse')).toMatchObject({ score: 100, status: 'healthy', restarts: 3, memoryBytes: 123_456_789, heartbeat: { state: 'fresh', pid: f.gateway.child.pid } });
    expect(after.services.find((s) => s.id === 'sse-2')).toMatchObject({ pm2: 'fotw-sse-2', score: 100, heartbeat: { state: 'fresh', pid: 4242 } });
    expect(after.services.find((s) => s.id === 'journal')).toMatchObject({ score: 0, status: 'failed', recovery: { attempts: 3, failed: true } });
    expect(after.redis).toEqual(report.redis);
  });

  it('shows the loaded truth, how it differs from scripts/truth.json, and the settings waiting for a restart', async () => {
    const beat: HeartbeatRecord = { service: 'journal', version: '0.1.0', pid: 1, host: 'h', port: null, startedAt: 0, ts: Date.now(), uptimeSec: 1, intervalMs: 60_000, truthVersion: null, restartNeeded: ['database'] };
    await f.clients.system.set(heartbeatKey('journal'), JSON.stringify(beat), 'EX', 60);
    const truth = await view<AdminTruthView>('/api/admin/truth');
    expect(truth.version).toMatch(/^1\.0\.0\+/);
    expect(truth.files.state).toBe('present');
    expect(truth.files.version).toMatch(/^1\.0\.0\+/);
    // The fixture loads the repo's truth with the gateway's keepalive patched to 1 s.
    expect(truth.files.diff).toContainEqual({ path: 'components.sse.settings.keepaliveMs', change: 'changed', loaded: 1000, files: expect.any(Number) as number });
    expect(truth.files.diff.every((c) => !c.path.startsWith('secrets'))).toBe(true);
    expect(truth.restartNeeded).toEqual([{ component: 'journal', settings: ['database'] }]);
  });

  it("lists every topic stream with its length, retention and this gateway's lag, and the gateway with its connections", async () => {
    await f.publish('spot', spotTicks(0, 3));
    const stream = f.open('/sse/market', f.alice.cookie);
    await stream.waitFor((e) => e.some((x) => x.event === 'ready'));

    // The gateway writes its presence every 2 s: wait for the write that sees the open stream and the read ticks.
    await expect
      .poll(async () => (await view<GatewaysView>('/api/admin/gateways')).gateways, { timeout: 10_000, interval: 250 })
      .toEqual([expect.objectContaining({ port: f.gateway.port, pid: f.gateway.child.pid, connections: 1, byRoute: { market: 1 } })]);
    const instance = (await view<GatewaysView>('/api/admin/gateways')).gateways[0]!.instance;
    // Named as Services names it (the first gateway is `sse`), at its host.
    expect(instance).toBe(`sse@${hostname()}`);

    await expect
      .poll(async () => (await view<StreamsView>('/api/admin/streams')).streams.find((s) => s.topic === 'spot'), { timeout: 10_000, interval: 250 })
      .toMatchObject({ bus: 'market', stream: f.truth.topics['spot']!.stream, length: 3, maxlen: f.truth.topics['spot']!.maxlen, gateways: [{ instance, lagMs: 0, behind: false }] });
    const streams = await view<StreamsView>('/api/admin/streams');
    expect(streams.streams.map((s) => s.topic).sort()).toEqual(Object.keys(f.truth.topics).sort());
  });

  it("lists the watch's recovery actions newest first, as many as asked, with its state per service", async () => {
    for (const [i, action] of (['restart', 'restart', 'give-up'] as const).entries()) {
      await appendRecoveryAction(f.clients.system, { ts: 1000 + i, service: 'journal', action, reason: 'heartbeat stale', attempt: i + 1, ok: true });
    }
    await writeRecoveryState(f.clients.system, 'journal', { attempts: 2, lastAttemptAt: 1001, failed: true });
    const recent = await view<RecoveryView>('/api/admin/recovery?limit=2');
    expect(recent.actions.map((a) => [a.action, a.ts])).toEqual([
      ['give-up', 1002],
      ['restart', 1001],
    ]);
    expect(recent.states['journal']).toMatchObject({ attempts: 2, failed: true });
    const bad = await call('GET', '/api/admin/recovery?limit=0', await anAdmin());
    expect(bad.status).toBe(400);
  });

  it('resets a service the watch gave up on: its state is initial again and the log names the admin who reset it', async () => {
    const ops = await anAdmin();
    await writeRecoveryState(f.clients.system, 'journal', { attempts: 3, lastAttemptAt: 2000, failed: true });
    const res = await call('POST', '/api/admin/recovery/journal/reset', ops);
    expect(res.status).toBe(200);
    expect((await res.json()) as RecoveryReset).toEqual({ service: 'journal', existed: true });
    expect((await readRecoveryStates(f.clients.system)).get('journal')).toEqual(INITIAL_RECOVERY_STATE);
    const [newest] = await readRecoveryLog(f.clients.system, 1);
    expect(newest).toMatchObject({ service: 'journal', action: 'reset', ok: true, attempt: 0, reason: 'reset by ops@example.com from the admin page' });
  });

  it('resets a service named by its pm2 name, including an instance only the recovery state knows', async () => {
    const ops = await anAdmin();
    await writeRecoveryState(f.clients.system, 'journal', { attempts: 3, lastAttemptAt: 2000, failed: true });
    const byName = await call('POST', '/api/admin/recovery/fotw-journal/reset', ops);
    expect(byName.status).toBe(200);
    expect(await byName.json()).toEqual({ service: 'journal', existed: true });
    await writeRecoveryState(f.clients.system, 'sse-7', { attempts: 3, lastAttemptAt: 2000, failed: true });
    const instance = await call('POST', '/api/admin/recovery/fotw-sse-7/reset', ops);
    expect(await instance.json()).toEqual({ service: 'sse-7', existed: true });
    expect((await readRecoveryStates(f.clients.system)).get('sse-7')).toMatchObject({ failed: false, attempts: 0 });
  });

  it('resets a pm2 cluster worker by the id the watch keeps its state under (sse#6)', async () => {
    await writeRecoveryState(f.clients.system, 'sse#6', { attempts: 3, lastAttemptAt: 2000, failed: true });
    const res = await call('POST', `/api/admin/recovery/${encodeURIComponent('sse#6')}/reset`, await anAdmin());
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ service: 'sse#6', existed: true });
    expect((await readRecoveryStates(f.clients.system)).get('sse#6')).toMatchObject({ failed: false, attempts: 0 });
  });

  it('refuses to reset an unknown service (404, naming the ids it knows) or a malformed id (400, naming service)', async () => {
    const ops = await anAdmin();
    const unknown = await call('POST', '/api/admin/recovery/jornal/reset', ops);
    expect(unknown.status).toBe(404);
    const { message } = (await unknown.json()) as { message: string };
    expect(message).toMatch(/^unknown service "jornal": the watch keeps recovery state for /);
    expect(message).toContain('journal');
    expect(message).toContain('sse');
    expect((await readRecoveryStates(f.clients.system)).has('jornal')).toBe(false);

    const malformed = await call('POST', '/api/admin/recovery/Journal!/reset', ops);
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ message: expect.stringContaining('service') as string });
  });

  it('refuses a reset without the CSRF header (403) and leaves the state as it was', async () => {
    const ops = await anAdmin();
    await writeRecoveryState(f.clients.system, 'journal', { attempts: 3, lastAttemptAt: 2000, failed: true });
    const refused = await call('POST', '/api/admin/recovery/journal/reset', { cookie: ops.cookie });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: 'csrf', issues: [{ path: 'X-CSRF-Token' }] });
    expect((await readRecoveryStates(f.clients.system)).get('journal')).toMatchObject({ failed: true, attempts: 3 });
  });

  it('disables an account: its session ends at once, its sign-in says why, and enabling it lets it back in', async () => {
    const ops = await anAdmin();
    const carol = await createSignedInAccount(f.clients.system, 'carol@example.com');
    expect((await call('GET', '/api/auth/me', carol)).status).toBe(200);
    const listed = await view<AdminUsersView>('/api/admin/users');
    expect(listed.users.find((u) => u.id === carol.userId)).toMatchObject({ email: 'carol@example.com', role: 'trader', disabled: false, sessions: 1 });

    expect((await call('POST', `/api/admin/users/${carol.userId}/disable`, { cookie: ops.cookie })).status).toBe(403);
    const disabled = await call('POST', `/api/admin/users/${carol.userId}/disable`, ops);
    expect(disabled.status).toBe(200);
    expect(await disabled.json()).toMatchObject({ user: { id: carol.userId, disabled: true, sessions: 0 } });

    expect((await call('GET', '/api/auth/me', carol)).status).toBe(401);
    const refused = await login('carol@example.com');
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ message: 'this account is disabled' });
    expect((await login('carol@example.com', 'a wrong password')).status).toBe(401);

    expect((await call('POST', `/api/admin/users/${carol.userId}/enable`, ops)).status).toBe(200);
    expect((await login('carol@example.com')).status).toBe(200);
  });

  it("refuses to disable or demote the admin's own account (409) and answers 404 for an unknown id", async () => {
    const ops = await anAdmin();
    const self = await call('POST', `/api/admin/users/${ops.userId}/disable`, ops);
    expect(self.status).toBe(409);
    expect(await self.json()).toMatchObject({ message: 'you cannot disable your own account' });
    expect((await call('POST', `/api/admin/users/${ops.userId}/role`, ops, { role: 'trader' })).status).toBe(409);
    const unknown = await call('POST', '/api/admin/users/u_nobody/disable', ops);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ message: 'no user "u_nobody"' });
    expect((await call('POST', `/api/admin/users/${f.bob.userId}/role`, ops, { role: 'owner' })).status).toBe(400);
  });

  it("changes a role, which the account's live session sees at its next request", async () => {
    const ops = await anAdmin();
    const bob = { cookie: f.bob.cookie, csrf: csrfOf(f.bob.cookie) };
    expect((await call('GET', '/api/admin/users', bob)).status).toBe(403);
    const promoted = await call('POST', `/api/admin/users/${f.bob.userId}/role`, ops, { role: 'admin' });
    expect(await promoted.json()).toMatchObject({ user: { id: f.bob.userId, role: 'admin' } });
    expect((await call('GET', '/api/admin/users', bob)).status).toBe(200);
    await call('POST', `/api/admin/users/${f.bob.userId}/role`, ops, { role: 'trader' });
    expect((await call('GET', '/api/admin/users', bob)).status).toBe(403);
  });

  it('ends every session of an account and closes its open streams', async () => {
    const ops = await anAdmin();
    const second = await signIn(f.gateway.url, 'alice@example.com');
    const stream = f.open('/sse/market', second);
    await stream.waitFor((e) => e.some((x) => x.event === 'ready'));
    const res = await call('DELETE', `/api/admin/users/${f.alice.userId}/sessions`, ops);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ended: 2 });
    expect((await call('GET', '/api/auth/me', { cookie: f.alice.cookie })).status).toBe(401);
    expect((await call('GET', '/api/auth/me', { cookie: second })).status).toBe(401);
    await stream.waitFor((e) => e.some((x) => x.event === 'error'), 5000, 'the signed-out error event');
    expect(stream.received.find((e) => e.event === 'error')?.data).toMatchObject({ reason: 'signed-out' });
  });
});
