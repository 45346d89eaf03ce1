import { STATUS_CODES } from 'node:http';
import path from 'node:path';
import { ConfigError } from '@marketswarm/shared/config';
import { JSON_BODY_LIMIT } from '@marketswarm/shared/edge';
import { codeOfStatus, SECURITY_HEADERS } from '@marketswarm/shared/http';
import { compileRepoTruthSync, repoRoot } from '@marketswarm/shared/testing';
import { INGEST_MAX_BODY_BYTES } from '@marketswarm/shared/dto';
import { sseSettings, type PublicTruth } from '@marketswarm/shared/truth';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseNginxErrorBody } from './error-body-shape.js';
import { errorPageUri, NGINX_ERRORS } from './json-error-pages.js';
import { fillTemplate, letsEncryptCertPaths, loadNginxTemplate, nginxBytes, nginxSize, renderNginxConfig, type NginxTemplate, type RenderNginxOptions } from './render-nginx-config.js';

const templateDir = path.join(repoRoot, 'nginx');
let truth: PublicTruth;
let dev: NginxTemplate;
let production: NginxTemplate;

beforeAll(async () => {
  truth = compileRepoTruthSync().truth;
  [dev, production] = await Promise.all([loadNginxTemplate(templateDir, 'dev'), loadNginxTemplate(templateDir, 'production')]);
});

function render(overrides: Partial<RenderNginxOptions> = {}): string {
  return renderNginxConfig({
    truth,
    env: {},
    runDir: '/srv/ms/run',
    certFile: '/srv/ms/run/certs/localhost.crt',
    keyFile: '/srv/ms/run/certs/localhost.key',
    template: dev,
    templateDir,
    ...overrides,
  });
}

/** A copy of truth with one component changed. */
function withComponent(id: string, change: (c: PublicTruth['components'][string]) => void): PublicTruth {
  const copy = structuredClone(truth);
  const component = copy.components[id];
  if (!component) throw new Error(`no component ${id}`);
  change(component);
  return copy;
}

/** The body of the first block whose header line matches exactly, e.g. `location ^~ /sse/`. */
function block(conf: string, header: string): string {
  const start = conf.indexOf(`${header} {`);
  if (start < 0) throw new Error(`no block "${header}" in:\n${conf}`);
  let depth = 0;
  for (let i = conf.indexOf('{', start); i < conf.length; i++) {
    if (conf[i] === '{') depth++;
    if (conf[i] === '}' && --depth === 0) return conf.slice(conf.indexOf('{', start) + 1, i);
  }
  throw new Error(`unclosed block "${header}"`);
}

/** Bodies of every `server { … }` block. */
function serverBlocks(conf: string): string[] {
  const bodies: string[] = [];
  for (const match of conf.matchAll(/^\s*server\s*\{/gm)) bodies.push(block(conf.slice(match.index), 'server'));
  return bodies;
}

function upstreamServer(conf: string, name: string): string | undefined {
  return upstreamServers(conf, name)[0];
}

/** Every `server` address of one upstream, in order. */
function upstreamServers(conf: string, name: string): string[] {
  return [...block(conf, `upstream ${name}`).matchAll(/^\s*server\s+([^\s;]+)[^;]*;/gm)].map((m) => m[1] ?? '');
}

describe(renderNginxConfig.name, () => {
  it('points each upstream at 127.0.0.1 and the port its component declares in truth', () => {
    const changed = withComponent('journal', (c) => {
      if (c.listen) c.listen.port = 4102;
    });
    const conf = render({ truth: changed });
    expect(upstreamServer(conf, 'sse')).toBe(`127.0.0.1:${truth.components['sse']?.listen?.port}`);
    expect(upstreamServer(conf, 'journal')).toBe('127.0.0.1:4102');
    expect(upstreamServer(conf, 'copilot')).toBe(`127.0.0.1:${truth.components['copilot']?.listen?.port}`);
    expect(upstreamServer(conf, 'static')).toBe(`127.0.0.1:${truth.components['static']?.listen?.port}`);
    for (const name of ['sse', 'journal', 'copilot', 'static']) expect(block(conf, `upstream ${name}`)).toMatch(/keepalive \d+;/);
    expect(conf).toContain(`listen ${truth.components['nginx']?.listen?.port} ssl http2;`);
    expect(conf).not.toMatch(/^\s*http2 on;/m);
  });

  it('applies the MS_*_PORT overrides from the environment', () => {
    const conf = render({ env: { MS_SSE_PORT: '41001', MS_NGINX_PORT: '48443', MS_STATIC_PORT: '' } });
    expect(upstreamServer(conf, 'sse')).toBe('127.0.0.1:41001');
    expect(upstreamServer(conf, 'static')).toBe(`127.0.0.1:${truth.components['static']?.listen?.port}`);
    expect(conf).toContain('listen 48443 ssl http2;');
  });

  it('puts every gateway process of this host in the sse upstream, never left out (a dead one refuses at once)', () => {
    expect(upstreamServers(render(), 'sse')).toEqual(['127.0.0.1:3001']);
    const conf = render({ env: { MS_SSE_INSTANCES: '2', MS_SSE_PORT: '41001', MS_SSE_2_PORT: '41077' } });
    expect(upstreamServers(conf, 'sse')).toEqual(['127.0.0.1:41001', '127.0.0.1:41077']);
    expect(block(conf, 'upstream sse')).toContain('server 127.0.0.1:41077 max_fails=0;');
    expect(block(conf, 'upstream sse')).toMatch(/keepalive \d+;/);
  });

  it('lists the gateways of other hosts when the nginx setting sseUpstreams names them, each left out briefly after a failed connect', () => {
    const changed = withComponent('nginx', (c) => {
      c.settings['sseUpstreams'] = ['10.0.1.11:3001', 'gw2.internal:3001', '[fd00::12]:3001'];
    });
    for (const template of [dev, production]) {
      const conf = render({ truth: changed, template, env: { MS_SSE_INSTANCES: '2' } });
      expect(upstreamServers(conf, 'sse'), template.name).toEqual(['10.0.1.11:3001', 'gw2.internal:3001', '[fd00::12]:3001']);
      expect(block(conf, 'upstream sse')).toContain('server gw2.internal:3001 max_fails=1 fail_timeout=2s;');
    }
  });

  it('refuses an sseUpstreams entry that is not host:port', () => {
    for (const bad of ['10.0.1.11', 'http://gw:3001', 'gw:70000', 'gw:3001; evil']) {
      const changed = withComponent('nginx', (c) => {
        c.settings['sseUpstreams'] = [bad];
      });
      expect(() => render({ truth: changed }), bad).toThrow(/settings\.sseUpstreams\.0/);
    }
  });

  it('retries a connect that failed on the next gateway, and never replays a request with a body', () => {
    const conf = render({ env: { MS_SSE_INSTANCES: '2' } });
    expect(conf).toMatch(/^\s*proxy_next_upstream error timeout;$/m);
    expect(conf.replace(/#.*$/gm, '')).not.toContain('non_idempotent');
    // Inherited by the stream location: it sets no proxy_next_upstream of its own.
    expect(block(conf, 'location ^~ /sse/')).not.toContain('proxy_next_upstream');
  });

  it('sends ingest to the gateway with its own body limit, the largest the gateway setting may allow', () => {
    const ingest = block(render(), 'location ^~ /api/ingest');
    expect(ingest).toContain('proxy_pass http://sse;');
    expect(ingest).toContain('client_max_body_size 256k;');
    expect(INGEST_MAX_BODY_BYTES).toBe(256 * 1024);
    const ingestSettings = (maxBodyBytes: number) => sseSettings.schema.safeParse({ ingest: { maxBodyBytes } }).success;
    expect(ingestSettings(INGEST_MAX_BODY_BYTES)).toBe(true);
    expect(ingestSettings(INGEST_MAX_BODY_BYTES + 1)).toBe(false);
    expect(sseSettings.schema.parse({}).ingest.maxBodyBytes).toBe(INGEST_MAX_BODY_BYTES);
  });

  it('reports every bad port override and setting in one ConfigError', () => {
    const changed = withComponent('nginx', (c) => {
      c.settings['sseReadTimeout'] = '1 day';
    });
    const error = (() => {
      try {
        render({ truth: changed, env: { MS_SSE_PORT: 'abc', MS_JOURNAL_PORT: '70000', MS_SSE_INSTANCES: '12' } });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toContain('MS_SSE_PORT=abc');
    expect(problems).toContain('MS_JOURNAL_PORT=70000');
    expect(problems).toContain('MS_SSE_INSTANCES=12');
    expect(problems).toContain('settings.sseReadTimeout');
  });

  it('fills every placeholder in both templates', () => {
    for (const template of [dev, production]) {
      expect(template.text + template.locations).toMatch(/\{\{[A-Z_]+\}\}/);
      const conf = render({ template });
      expect(conf).not.toMatch(/\{\{|\}\}/);
      expect(conf).toContain('location ^~ /sse/ {');
    }
  });

  it('pastes the routes once, inside the TLS server block, and nowhere else', () => {
    for (const template of [dev, production]) {
      const conf = render({ template });
      const tlsServer = serverBlocks(conf).filter((body) => body.includes('ssl_certificate '));
      expect(tlsServer, template.name).toHaveLength(1);
      const withoutComments = (text: string) => text.replace(/#.*$/gm, '');
      const count = (text: string, what: RegExp) => withoutComments(text).match(what)?.length ?? 0;
      expect(count(conf, /\blocation\s+\^~\s+\/sse\/\s*\{/g), template.name).toBe(1);
      expect(count(tlsServer[0] ?? '', /\bproxy_pass\b/g), template.name).toBe(count(conf, /\bproxy_pass\b/g));
      expect(count(tlsServer[0] ?? '', /\bproxy_set_header\b/g), template.name).toBe(count(conf, /\bproxy_set_header\b/g));
    }
  });

  it('reads the template from templateDir when given its name', () => {
    expect(render({ template: 'production' })).toBe(render({ template: production }));
    expect(render({ template: undefined })).toBe(render({ template: dev }));
  });

  it('keeps the pid, logs and every temp path under <runDir>/nginx/', () => {
    const conf = render({ runDir: '/srv/ms/run' });
    expect(conf).toContain('pid "/srv/ms/run/nginx/nginx.pid";');
    expect(conf).toContain('error_log "/srv/ms/run/nginx/error.log" warn;');
    expect(conf).toMatch(/access_log "\/srv\/ms\/run\/nginx\/access\.log" \w+;/);
    for (const kind of ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) {
      expect(conf).toContain(`${kind}_temp_path "/srv/ms/run/nginx/${kind}_temp";`);
    }
    const paths = [...conf.matchAll(/^\s*(?:pid|error_log|access_log|\w+_temp_path)\s+"([^"]+)"/gm)].map((m) => m[1]);
    expect(paths).toHaveLength(8);
    for (const p of paths) expect(p?.startsWith('/srv/ms/run/nginx/')).toBe(true);
  });

  it('uses the given certificate and key', () => {
    const conf = render();
    expect(conf).toContain('ssl_certificate "/srv/ms/run/certs/localhost.crt";');
    expect(conf).toContain('ssl_certificate_key "/srv/ms/run/certs/localhost.key";');
  });

  it('refuses paths that would break out of their quotes', () => {
    expect(() => render({ certFile: '/tmp/x";\nevil "' })).toThrow(ConfigError);
    expect(() => render({ runDir: '/tmp/$host' })).toThrow(/runDir/);
  });

  it('answers 404 for /api/internal and /metrics without proxying', () => {
    const conf = render();
    for (const header of ['location ^~ /api/internal', 'location = /metrics', 'location ^~ /metrics/']) {
      const body = block(conf, header);
      expect(body).toMatch(/return 404;/);
      expect(body).not.toContain('proxy_pass');
    }
  });

  it('gives each JSON route the body limit of the service behind it, and routes without a body a tiny one', () => {
    const conf = render();
    const tlsServer = serverBlocks(conf).find((body) => body.includes('ssl_certificate ')) ?? '';
    const limitOf = (body: string) => /^\s*client_max_body_size (\S+);/m.exec(body)?.[1];
    // The server default, set before any location: streams, health, WebSocket upgrades and the SPA inherit it.
    expect(limitOf(tlsServer.slice(0, tlsServer.search(/^\s*location\s/m)))).toBe('1k');
    for (const header of ['location ^~ /sse/', 'location = /api/health', 'location ^~ /ws/', 'location /']) expect(limitOf(block(conf, header)), header).toBeUndefined();
    // The services' JSON body limit (64 KiB), kept in memory rather than spilled to a temp file. The
    // journal parses JSON with the same shared jsonBody() as the gateway and the copilot, so a larger
    // limit on its routes would only buffer a body the service then refuses.
    expect(nginxSize(JSON_BODY_LIMIT)).toBe('64k');
    const gateway = ['auth', 'profile', 'admin', 'models'];
    const journal = ['logs', 'trades', 'symbols', 'tags', 'journal', 'playbook', 'alerts', 'leaderboard', 'orders', 'prompt-alerts', 'settings', 'analytics'];
    const copilot = ['mel', 'adi', 'commentary'];
    for (const route of [...gateway, ...journal, ...copilot]) {
      const body = block(conf, `location ^~ /api/${route}`);
      expect(limitOf(body), route).toBe('64k');
      expect(body, route).toContain('client_body_buffer_size 64k;');
    }
    // No limit at http level that a location without its own would fall back to.
    expect(limitOf(conf.slice(0, conf.indexOf('server {')))).toBeUndefined();
  });

  it('proxies the bare path of every API prefix instead of redirecting it to the trailing slash', () => {
    const conf = render();
    const apiPrefixes = [...conf.matchAll(/location \^~ (\/api\/\S*) \{/g)].map((m) => m[1] ?? '');
    expect(apiPrefixes.length).toBeGreaterThan(20);
    // nginx answers a 301 for `/api/admin` when the proxied prefix is `/api/admin/`.
    for (const prefix of apiPrefixes.filter((p) => p !== '/api/')) expect(prefix.endsWith('/'), prefix).toBe(false);
    for (const bare of ['/sse', '/ws', '/api']) expect(block(conf, `location = ${bare}`), bare).toMatch(/return 404;/);
  });

  it('answers every error nginx raises itself with the JSON error shape and its request id', () => {
    const conf = render();
    for (const error of NGINX_ERRORS) {
      expect(conf).toContain(`error_page ${error.raised} = ${errorPageUri(error)};`);
      const page = block(conf, `location = ${errorPageUri(error)}`);
      expect(page).toContain('internal;');
      expect(page).toContain('default_type application/json;');
      const answer = /return (\d+) '([^']*)';/.exec(page);
      expect(Number(answer?.[1]), `${error.raised}`).toBe(error.status);
      const body = parseNginxErrorBody((answer?.[2] ?? '').replace('$request_id', '0123456789abcdef0123456789abcdef'));
      expect(body).toEqual({ statusCode: error.status, error: STATUS_CODES[error.status], code: codeOfStatus(error.status), message: error.message, requestId: '0123456789abcdef0123456789abcdef' });
    }
    for (const status of [400, 404, 405, 413, 414, 502, 504]) expect(NGINX_ERRORS.map((e) => e.raised)).toContain(status);
  });

  it("lets a backend's own errors through unchanged (never intercepts them)", () => {
    const withoutComments = render().replace(/#.*$/gm, '');
    expect(withoutComments).toMatch(/^\s*proxy_intercept_errors off;/m);
    expect(withoutComments).not.toMatch(/proxy_intercept_errors on/);
  });

  it("sends the shared security headers and the request id from the server block, hiding the backends' copies", () => {
    for (const template of [dev, production]) {
      const conf = render({ template });
      const tlsServer = serverBlocks(conf).find((body) => body.includes('ssl_certificate ')) ?? '';
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
        expect(tlsServer, `${template.name} ${name}`).toContain(`add_header ${name} "${value}" always;`);
        expect(tlsServer, `${template.name} ${name}`).toContain(`proxy_hide_header ${name};`);
      }
      expect(tlsServer).toContain('add_header X-Request-Id $request_id always;');
      expect(tlsServer).toContain('proxy_hide_header X-Request-Id;');
      expect(SECURITY_HEADERS['Permissions-Policy']).toContain('camera=()');
      expect(SECURITY_HEADERS['X-Frame-Options']).toBe('DENY');
    }
  });

  it('sets no add_header in any location, which would drop every header inherited from the server', () => {
    const conf = render({ template: production });
    const locations = [...conf.matchAll(/^\s*location\s+([^{]+)\{/gm)].map((m) => `location ${(m[1] ?? '').trim()}`);
    expect(locations.length).toBeGreaterThan(30);
    for (const header of locations) expect(block(conf, header), header).not.toContain('add_header');
  });

  it('streams /sse/ unbuffered, uncompressed, with the read timeout from truth', () => {
    const changed = withComponent('nginx', (c) => {
      c.settings['sseReadTimeout'] = '12h';
    });
    const sse = block(render({ truth: changed }), 'location ^~ /sse/');
    expect(sse).toContain('proxy_pass http://sse;');
    expect(sse).toContain('proxy_buffering off;');
    expect(sse).toContain('proxy_cache off;');
    expect(sse).toContain('proxy_read_timeout 12h;');
    expect(sse).toContain('gzip off;');
    expect(sse).toContain('proxy_set_header X-Request-Id $request_id;');
    expect(block(render(), 'location ^~ /sse/')).toContain('proxy_read_timeout 24h;');
  });

  it('never lists text/event-stream among the gzip types', () => {
    const types = /gzip_types ([^;]+);/.exec(render())?.[1]?.split(/\s+/) ?? [];
    expect(types).toEqual(expect.arrayContaining(['text/css', 'application/javascript', 'application/json', 'image/svg+xml']));
    expect(types).not.toContain('text/event-stream');
  });

  it('routes the original deployment route map to the right upstreams', () => {
    const conf = render();
    const routes: Record<string, string> = {
      'location ^~ /api/auth': 'sse',
      'location ^~ /api/profile': 'sse',
      'location ^~ /api/admin': 'sse',
      'location ^~ /api/models': 'sse',
      'location = /api/health': 'sse',
      'location ^~ /api/logs': 'journal',
      'location ^~ /api/trades': 'journal',
      'location ^~ /api/symbols': 'journal',
      'location ^~ /api/tags': 'journal',
      'location ^~ /api/journal': 'journal',
      'location ^~ /api/playbook': 'journal',
      'location ^~ /api/alerts': 'journal',
      'location ^~ /api/leaderboard': 'journal',
      'location ^~ /api/orders': 'journal',
      'location ^~ /api/prompt-alerts': 'journal',
      'location ^~ /api/settings': 'journal',
      'location ^~ /api/analytics': 'journal',
      'location ^~ /api/mel': 'copilot',
      'location ^~ /api/adi': 'copilot',
      'location ^~ /api/commentary': 'copilot',
      'location ^~ /ws/': 'copilot',
      'location /': 'static',
    };
    for (const [header, upstream] of Object.entries(routes)) expect(block(conf, header), header).toContain(`proxy_pass http://${upstream};`);
    const ws = block(conf, 'location ^~ /ws/');
    expect(ws).toContain('proxy_set_header Upgrade $http_upgrade;');
    expect(ws).toContain('proxy_set_header Connection $connection_upgrade;');
  });

  it('sends HSTS in production only, with a port 80 redirect and the Let\'s Encrypt paths', () => {
    const devConf = render();
    expect(devConf).not.toContain('Strict-Transport-Security "');
    expect(devConf).toContain('add_header X-Content-Type-Options "nosniff" always;');

    const le = letsEncryptCertPaths(truth);
    expect(le).toEqual({ certFile: '/etc/letsencrypt/live/localhost/fullchain.pem', keyFile: '/etc/letsencrypt/live/localhost/privkey.pem' });
    const prod = render({ template: production, ...le });
    expect(prod).toContain('add_header Strict-Transport-Security "max-age=31536000" always;');
    expect(prod).toContain('listen 443 ssl http2;');
    expect(prod).toContain('ssl_certificate "/etc/letsencrypt/live/localhost/fullchain.pem";');
    expect(prod).toMatch(/listen 80;[\s\S]*return 301 https:\/\/localhost\$request_uri;/);
  });
});

describe(nginxBytes.name, () => {
  it('writes a byte count in the largest nginx unit that divides it', () => {
    expect([256 * 1024, 1024 * 1024, 3 * 1024 * 1024, 1536 * 1024, 1000].map(nginxBytes)).toEqual(['256k', '1m', '3m', '1536k', '1000']);
  });

  it('refuses a count that is not a positive whole number', () => {
    for (const bad of [0, -1024, 1.5]) expect(() => nginxBytes(bad), String(bad)).toThrow(/not a whole number of bytes/);
  });
});

describe(nginxSize.name, () => {
  it("writes the services' body-parser sizes in nginx's units", () => {
    expect(nginxSize('64kb')).toBe('64k');
    expect(nginxSize('1MB')).toBe('1m');
    expect(nginxSize('512b')).toBe('512');
    expect(nginxSize('2048')).toBe('2048');
  });

  it('refuses what nginx would misread, 0 (no limit) above all', () => {
    for (const bad of ['0kb', '0', '64 kilobytes', '-1kb', '1.5mb']) expect(() => nginxSize(bad), bad).toThrow(/not a size/);
  });
});

describe(fillTemplate.name, () => {
  it('replaces every occurrence and leaves "$" sequences in values alone', () => {
    expect(fillTemplate('a {{X}} b {{X}} {{Y_2}}', { X: '$1$&', Y_2: 'y' })).toBe('a $1$& b $1$& y');
  });

  it('fails on a placeholder without a value, naming it and the template', () => {
    expect(() => fillTemplate('listen {{PORT}} {{HOST}};', { PORT: '1' }, 'dev.conf.template')).toThrow('dev.conf.template: no value for placeholder {{HOST}}');
  });

  it('fails on a malformed placeholder', () => {
    expect(() => fillTemplate('listen {{ port }};', {})).toThrow(/malformed placeholder \{\{ port \}\}/);
  });
});
