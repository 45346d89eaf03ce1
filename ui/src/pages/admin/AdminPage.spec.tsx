import type { AdminTruthView, AdminUsersView, GatewaysView, RecoveryView, ServicesView, StreamsView } from '@marketswarm/shared/dto';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AdminsOnly } from './AdminPage';
import { GatewaysSection } from './GatewaysSection';
import { RecoverySection } from './RecoverySection';
import { ServicesTable, type ServiceReset } from './ServicesSection';
import { StreamsSection } from './StreamsSection';
import { TruthSection } from './TruthSection';
import { confirmWording, UsersView } from './UsersSection';

const NOW = 1_700_000_000_000;
const noop = () => undefined;

const services: ServicesView = {
  watch: { state: 'fresh', ts: NOW - 1000, overall: { score: 83, status: 'degraded' } },
  services: [
    { id: 'sse', pm2: 'fotw-sse', score: 100, status: 'healthy', heartbeat: { state: 'fresh', ageSec: 0.8, version: '0.1.0', pid: 7, restartNeeded: [] }, restarts: 1, memoryBytes: 80 * 1024 * 1024, recovery: null },
    { id: 'redis-system', pm2: 'fotw-redis-system', score: 50, status: 'down', heartbeat: null, restarts: 0, memoryBytes: null, recovery: { attempts: 3, failed: true, lastAttemptAt: NOW } },
  ],
  redis: [{ bus: 'system', reachable: true, usedMemoryBytes: 2048, maxMemoryBytes: null, aof: true }],
};

const idle: ServiceReset = { pending: null, busy: false, error: undefined, onAsk: noop, onConfirm: noop, onCancel: noop };

describe(ServicesTable.name, () => {
  it("lists every service with its score, status, heartbeat age, restarts and memory, and the watch's overall score", () => {
    const html = renderToStaticMarkup(<ServicesTable view={services} error={undefined} now={NOW} reset={idle} />);
    expect(html).toContain('aria-labelledby="services-title"');
    expect(html.match(/data-testid="admin-service-row"/g)).toHaveLength(2);
    expect(html).toMatch(/data-service="sse" data-pm2="fotw-sse" data-score="100" data-heartbeat="fresh"/);
    expect(html).toContain('80.0 MiB');
    expect(html).toContain('0.8 s');
    expect(html).toContain('failed (gave up)');
    expect(html).toContain('Overall <strong>83</strong>');
    expect(html).toContain('<th scope="col" class="num">Score</th>');
    expect(html).toContain('2.0 KiB');
  });

  it('says the watch is not running and shows dashes for scores', () => {
    const absent: ServicesView = { ...services, watch: { state: 'absent', ts: null, overall: null }, services: [{ ...services.services[0]!, score: null, status: 'unknown' }] };
    const html = renderToStaticMarkup(<ServicesTable view={absent} error={undefined} now={NOW} reset={idle} />);
    expect(html).toContain('data-state="absent"');
    expect(html).toContain('The watch is not running');
    expect(html).toMatch(/data-score=""/);
  });

  it('keeps the last table under a failed refresh, with the failure announced', () => {
    const html = renderToStaticMarkup(<ServicesTable view={services} error="/api/admin/services is unreachable" now={NOW} reset={idle} />);
    expect(html).toContain('role="alert"');
    expect(html).toContain('data-testid="admin-service-row"');
  });

  const rowOf = (html: string, service: string): string => html.match(new RegExp(`<tr[^>]*data-service="${service}"[\\s\\S]*?</tr>`))?.[0] ?? '';

  it('offers a reset, named after its process, only on a service the watch gave up on', () => {
    const html = renderToStaticMarkup(<ServicesTable view={services} error={undefined} now={NOW} reset={idle} />);
    expect(html.match(/data-testid="admin-service-reset"/g)).toHaveLength(1);
    expect(rowOf(html, 'redis-system')).toMatch(/data-failed="true"/);
    expect(rowOf(html, 'redis-system')).toMatch(/<button[^>]*aria-label="Reset fotw-redis-system"[^>]*data-testid="admin-service-reset"[^>]*>Reset<\/button>/);
    expect(rowOf(html, 'sse')).toMatch(/data-failed="false"/);
    expect(rowOf(html, 'sse')).not.toContain('<button');
    expect(html).not.toContain('admin-service-reset-confirm');
  });

  it('names a failed service without a pm2 process by its id', () => {
    const bare: ServicesView = { ...services, services: [{ ...services.services[1]!, id: 'journal', pm2: null }] };
    expect(renderToStaticMarkup(<ServicesTable view={bare} error={undefined} now={NOW} reset={idle} />)).toContain('aria-label="Reset journal"');
  });

  it('asks before it resets, warning that the watch may restart the service again', () => {
    const html = renderToStaticMarkup(<ServicesTable view={services} error={undefined} now={NOW} reset={{ ...idle, pending: 'redis-system' }} />);
    expect(html).toContain('aria-label="Confirm the reset of fotw-redis-system"');
    expect(html).toContain('The watch may restart fotw-redis-system again.');
    expect(html).toMatch(/<button[^>]*data-testid="admin-service-reset-confirm-yes"[^>]*>Yes, reset fotw-redis-system<\/button>/);
    expect(html).toMatch(/<button[^>]*aria-label="Cancel the reset of fotw-redis-system"[^>]*data-testid="admin-service-reset-confirm-no"[^>]*>Cancel<\/button>/);
  });

  it('asks nothing once the service is no longer failed', () => {
    const recovered: ServicesView = { ...services, services: [services.services[0]!, { ...services.services[1]!, recovery: { attempts: 0, failed: false, lastAttemptAt: null } }] };
    expect(renderToStaticMarkup(<ServicesTable view={recovered} error={undefined} now={NOW} reset={{ ...idle, pending: 'redis-system' }} />)).not.toContain('admin-service-reset');
  });

  it('disables the reset and its confirmation while the reset runs', () => {
    const html = renderToStaticMarkup(<ServicesTable view={services} error={undefined} now={NOW} reset={{ ...idle, pending: 'redis-system', busy: true }} />);
    for (const testId of ['admin-service-reset', 'admin-service-reset-confirm-yes', 'admin-service-reset-confirm-no']) expect(html).toMatch(new RegExp(`<button[^>]*disabled=""[^>]*data-testid="${testId}"`));
  });

  it("announces the server's refusal of a reset", () => {
    const html = renderToStaticMarkup(<ServicesTable view={services} error={undefined} now={NOW} reset={{ ...idle, error: 'unknown service "nope": known are journal, sse' }} />);
    expect(html).toContain('<p class="error jp-message" role="alert">unknown service &quot;nope&quot;: known are journal, sse</p>');
  });
});

describe(TruthSection.name, () => {
  const truth: AdminTruthView = {
    version: '1.0.0+aaa',
    loadedAt: '2026-12-07T01:00:00.000Z',
    node: {},
    components: ['sse'],
    files: { state: 'present', version: '1.0.0+bbb', diff: [{ path: 'components.sse.settings.keepaliveMs', change: 'changed', loaded: 1000, files: 15000 }], truncated: false },
    restartNeeded: [{ component: 'journal', settings: ['database', 'sqlitePath'] }],
  };

  it('shows both versions, each difference by path, and the settings waiting for a restart', () => {
    const html = renderToStaticMarkup(<TruthSection view={truth} error={undefined} />);
    expect(html).toContain('1.0.0+aaa');
    expect(html).toContain('1.0.0+bbb');
    expect(html).toContain('1 difference(s)');
    expect(html).toContain('<code>components.sse.settings.keepaliveMs</code>');
    expect(html).toMatch(/<code>1000<\/code>.*<code>15000<\/code>/);
    expect(html).toContain('<strong>journal</strong>: database, sqlitePath');
  });

  it('says when the files match or are not on this host', () => {
    expect(renderToStaticMarkup(<TruthSection view={{ ...truth, files: { ...truth.files, diff: [] } }} error={undefined} />)).toContain('same as loaded');
    expect(renderToStaticMarkup(<TruthSection view={{ ...truth, files: { state: 'absent', version: null, diff: [], truncated: false } }} error={undefined} />)).toContain('no scripts/truth.json');
  });
});

describe(StreamsSection.name, () => {
  it("shows each stream's length and retention and one lag column per gateway", () => {
    const view: StreamsView = {
      streams: [
        { topic: 'spot', bus: 'market', stream: '{market}:stream:spot', length: 42, maxlen: 50000, lastId: '9-0', gateways: [{ instance: 'a:3001', cursor: '9-0', lagMs: 0, behind: false }, { instance: 'b:3021', cursor: '8-0', lagMs: 1500, behind: true }] },
        { topic: 'gex', bus: 'market', stream: '{market}:stream:gex', length: 5, maxlen: 2000, lastId: '9-0', gateways: [{ instance: 'a:3001', cursor: '1-0', lagMs: 8000, behind: true }] },
        { topic: 'vexy', bus: 'intel', stream: '{intel}:stream:vexy', length: null, maxlen: 1000, lastId: null, gateways: [] },
      ],
    };
    const html = renderToStaticMarkup(<StreamsSection view={view} error={undefined} />);
    expect(html).toContain('Lag on a:3001');
    expect(html).toContain('Lag on b:3021');
    expect(html).toMatch(/data-topic="spot" data-length="42"/);
    expect(html).toContain('level');
    expect(html).toContain('1.5 s behind');
    expect(html).toContain('50000');
    // Only a lag beyond the presence reporting delay is marked.
    expect(html.match(/class="jp-down"/g)).toHaveLength(1);
    expect(html).toMatch(/class="jp-down"[^>]*>8\.0 s behind/);
  });
});

describe(GatewaysSection.name, () => {
  it('lists each gateway with its clients by route', () => {
    const view: GatewaysView = { gateways: [{ instance: 'box:3001', pid: 9, host: 'box', port: 3001, ts: NOW, intervalMs: 2000, connections: 3, byRoute: { market: 2, all: 1 }, ageSec: 1.2 }] };
    const html = renderToStaticMarkup(<GatewaysSection view={view} error={undefined} />);
    expect(html).toMatch(/data-instance="box:3001" data-connections="3"/);
    expect(html).toContain('all 1, market 2');
  });

  it('says when no gateway reports', () => {
    expect(renderToStaticMarkup(<GatewaysSection view={{ gateways: [] }} error={undefined} />)).toContain('No gateway has reported');
  });
});

describe(RecoverySection.name, () => {
  it('lists recovery actions newest first with their reason', () => {
    const view: RecoveryView = {
      actions: [
        { ts: NOW, service: 'journal', action: 'give-up', reason: 'still down after 3 restarts', attempt: 3, ok: true },
        { ts: NOW - 1000, service: 'journal', action: 'restart', reason: 'heartbeat stale', attempt: 3, ok: false, error: 'pm2 refused' },
      ],
      states: {},
    };
    const html = renderToStaticMarkup(<RecoverySection view={view} error={undefined} />);
    expect(html.match(/data-testid="admin-recovery-row"/g)).toHaveLength(2);
    expect(html.indexOf('give-up')).toBeLessThan(html.indexOf('restart (failed)'));
    expect(html).toContain('pm2 refused');
  });
});

describe(UsersView.name, () => {
  const users: AdminUsersView = {
    users: [
      { id: 'u_admin', email: 'ops@example.com', role: 'admin', displayName: 'ops', timezone: 'UTC', preferences: {}, createdAt: '2026-01-01T00:00:00.000Z', disabled: false, sessions: 1 },
      { id: 'u_carol', email: 'carol@example.com', role: 'trader', displayName: 'carol', timezone: 'UTC', preferences: {}, createdAt: '2026-01-02T00:00:00.000Z', disabled: true, sessions: 0 },
    ],
  };
  const render = (pending: Parameters<typeof UsersView>[0]['pending'] = null) =>
    renderToStaticMarkup(<UsersView view={users} error={undefined} selfId="u_admin" pending={pending} busy={false} actionError={undefined} onAsk={noop} onConfirm={noop} onCancel={noop} />);

  it('gives every control a name of its own and keeps the admin from locking themself out', () => {
    const html = render();
    expect(html).toContain('aria-label="Role of carol@example.com"');
    expect(html).toContain('aria-label="Enable carol@example.com"');
    expect(html).toMatch(/aria-label="Disable ops@example.com" disabled=""/);
    expect(html).toMatch(/aria-label="Role of ops@example.com" disabled=""/);
    expect(html).toMatch(/aria-label="End sessions of carol@example.com" disabled=""/);
    expect(html).toMatch(/data-email="carol@example.com" data-disabled="true"/);
  });

  it('asks before it acts, naming the account in the question and the button', () => {
    expect(render()).not.toContain('admin-user-confirm');
    const html = render({ kind: 'end-sessions', userId: 'u_admin' });
    expect(html).toContain('End every session of ops@example.com?');
    expect(html).toContain('>End sessions of ops@example.com</button>');
    expect(html).toContain('>Cancel</button>');
    expect(confirmWording({ kind: 'role', userId: 'u_carol', role: 'admin' }, { email: 'c@x' }).question).toBe('Make c@x an admin?');
    expect(confirmWording({ kind: 'disable', userId: 'u_carol' }, { email: 'c@x' }).question).toContain('their sessions end now');
  });
});

describe(AdminsOnly.name, () => {
  it('tells a trader the page is for admins', () => {
    expect(renderToStaticMarkup(<AdminsOnly />)).toContain('<h1>Admins only</h1>');
  });
});
