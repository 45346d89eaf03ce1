import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError, componentPort, gatewayInstances } from '@marketswarm/shared/config';
import { INGEST_MAX_BODY_BYTES, JOURNAL_ATTACHMENT_BODY_LIMIT, JOURNAL_ENTRY_BODY_LIMIT, JOURNAL_IMPORT_BODY_LIMIT } from '@marketswarm/shared/dto';
import { JSON_BODY_LIMIT } from '@marketswarm/shared/edge';
import { nginxSettings, type Component, type NginxSettings, type PublicTruth } from '@marketswarm/shared/truth';
import { edgeHeaderDirectives } from './edge-headers.js';
import { jsonErrorPages } from './json-error-pages.js';

export type NginxTemplateName = 'dev' | 'production';

/** A template as read from `nginx/`: the main file and the shared route block pasted at {{LOCATIONS}}. */
export interface NginxTemplate {
  name: NginxTemplateName;
  text: string;
  locations: string;
}

export interface RenderNginxOptions {
  truth: PublicTruth;
  env: Readonly<Record<string, string | undefined>>;
  /** The stack's run folder; pid, logs and temp files go to `<runDir>/nginx/`. */
  runDir: string;
  certFile: string;
  keyFile: string;
  /** A template name (read from `templateDir`) or a template already loaded with loadNginxTemplate. Default 'dev'. */
  template?: NginxTemplateName | NginxTemplate;
  templateDir: string;
}

const TEMPLATE_FILES: Record<NginxTemplateName, string> = {
  dev: 'dev.conf.template',
  production: 'production.conf.template',
};
const LOCATIONS_FILE = 'locations.conf.template';

/** Components nginx routes to, by upstream name in the templates; the gateway's servers are SSE_SERVERS. */
const UPSTREAMS = { JOURNAL_UPSTREAM: 'journal', COPILOT_UPSTREAM: 'copilot', STATIC_UPSTREAM: 'static' } as const;

/**
 * How nginx treats a gateway that failed a connect. One on this host is never left out
 * (max_fails=0): a dead process refuses at once, so trying it first costs nothing, whereas a
 * process marked failed comes back only when a request that probed it ends, and a probing SSE
 * stream lasts for hours: meanwhile, with the other gateway down too, every request would get 502
 * "no live upstreams" (measured in gateway-failover.int.spec.ts). A gateway on another host may
 * time out instead of refusing, so it is left out for a short while after one failure.
 */
const LOCAL_GATEWAY_PARAMS = 'max_fails=0';
const REMOTE_GATEWAY_PARAMS = 'max_fails=1 fail_timeout=2s';

/** Reads `<dir>/<name>.conf.template` and the shared `<dir>/locations.conf.template`. */
export async function loadNginxTemplate(dir: string, name: NginxTemplateName): Promise<NginxTemplate> {
  const [text, locations] = await Promise.all([readFile(path.join(dir, TEMPLATE_FILES[name]), 'utf8'), readFile(path.join(dir, LOCATIONS_FILE), 'utf8')]);
  return { name, text, locations };
}

function loadNginxTemplateSync(dir: string, name: NginxTemplateName): NginxTemplate {
  return {
    name,
    text: readFileSync(path.join(dir, TEMPLATE_FILES[name]), 'utf8'),
    locations: readFileSync(path.join(dir, LOCATIONS_FILE), 'utf8'),
  };
}

/**
 * Renders a complete nginx.conf for this stack: ports from truth with their MS_*_PORT overrides,
 * TLS with the given certificate, pid/logs/temp files under `<runDir>/nginx/`. Pure when given a
 * loaded template; with a template name it only reads that template from `templateDir`.
 * Throws ConfigError listing every bad value at once.
 */
export function renderNginxConfig(options: RenderNginxOptions): string {
  const template = typeof options.template === 'object' ? options.template : loadNginxTemplateSync(options.templateDir, options.template ?? 'dev');
  const values = nginxTemplateValues(options);
  const locations = fillTemplate(template.locations, values, LOCATIONS_FILE);
  return fillTemplate(template.text, { ...values, LOCATIONS: locations.replace(/\n+$/, '') }, TEMPLATE_FILES[template.name]);
}

/** The folder the rendered config keeps its pid, logs and temp files in (and is meant to be written to). */
export function nginxRunDir(runDir: string): string {
  return path.resolve(runDir, 'nginx');
}

/** Where certbot keeps the certificate for the nginx component's serverName. */
export function letsEncryptCertPaths(truth: PublicTruth): { certFile: string; keyFile: string } {
  const problems: string[] = [];
  const { serverName } = nginxSettingsOf(requireNginx(truth), problems);
  if (problems.length > 0) throw new ConfigError(problems);
  const live = path.posix.join('/etc/letsencrypt/live', serverName);
  return { certFile: `${live}/fullchain.pem`, keyFile: `${live}/privkey.pem` };
}

/** Value of every placeholder; collects every problem before failing. */
export function nginxTemplateValues(options: Omit<RenderNginxOptions, 'template' | 'templateDir'>): Record<string, string> {
  const problems: string[] = [];
  const { truth, env } = options;
  const missing = ['nginx', 'sse', ...Object.values(UPSTREAMS)].filter((id) => !truth.components[id]?.listen);
  if (missing.length > 0) {
    throw new ConfigError(missing.map((id) => `truth has no component "${id}" with a listen port; nginx needs nginx, sse, journal, copilot and static`));
  }
  const nginx = requireNginx(truth);
  const settings = nginxSettingsOf(nginx, problems);
  const values: Record<string, string> = {
    NGINX_DIR: safePath('runDir', nginxRunDir(options.runDir), problems),
    CERT_FILE: safePath('certFile', path.resolve(options.certFile), problems),
    KEY_FILE: safePath('keyFile', path.resolve(options.keyFile), problems),
    LISTEN: listenAddress(nginx, env, problems),
    SERVER_NAME: settings.serverName,
    SSE_READ_TIMEOUT: settings.sseReadTimeout,
    // Every JSON REST route's limit (gateway, journal, copilot), the services' own, so nginx refuses
    // first with the same answer; routes without a body have a fixed 1k in locations.conf.template.
    JSON_BODY_LIMIT: nginxSize(JSON_BODY_LIMIT),
    // The journal's import is a multipart upload: the file's limit and its envelope (shared dto).
    IMPORT_BODY_LIMIT: nginxSize(JOURNAL_IMPORT_BODY_LIMIT),
    // Journal entries' HTML, and an attachment upload with its envelope (shared dto).
    ENTRY_BODY_LIMIT: nginxSize(JOURNAL_ENTRY_BODY_LIMIT),
    ATTACHMENT_BODY_LIMIT: nginxSize(JOURNAL_ATTACHMENT_BODY_LIMIT),
    // A batch of events from an outside producer (shared dto): the gateway's own limit is at most this.
    INGEST_BODY_LIMIT: nginxBytes(INGEST_MAX_BODY_BYTES),
    SSE_SERVERS: gatewayServers(truth, settings, env, problems),
    EDGE_HEADERS: edgeHeaderDirectives(),
    JSON_ERROR_PAGES: jsonErrorPages(),
  };
  for (const [placeholder, id] of Object.entries(UPSTREAMS)) {
    const component = truth.components[id] as Component & { listen: NonNullable<Component['listen']> };
    values[placeholder] = hostPort(loopbackFor(component.listen.host), componentPort(component, env, problems) ?? component.listen.port);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return values;
}

/**
 * Replaces every `{{NAME}}` in `text`. Fails on a placeholder without a value and on anything
 * left that still looks like one, so a typo in a template cannot reach nginx.
 */
export function fillTemplate(text: string, values: Readonly<Record<string, string>>, source = 'template'): string {
  const unknown = new Set<string>();
  const filled = text.replace(/\{\{([A-Z][A-Z0-9_]*)\}\}/g, (match, name: string) => {
    const value = values[name];
    if (value === undefined) {
      unknown.add(name);
      return match;
    }
    return value;
  });
  if (unknown.size > 0) throw new Error(`${source}: no value for placeholder ${[...unknown].map((n) => `{{${n}}}`).join(', ')}`);
  const leftover = /\{\{[^}\n]*\}\}/.exec(filled);
  if (leftover) throw new Error(`${source}: malformed placeholder ${leftover[0]} (placeholders are {{UPPER_SNAKE}})`);
  return filled;
}

/** A body-parser size (`64kb`, `1mb`, `512b`) in nginx's units (`64k`, `1m`, `512`). */
export function nginxSize(limit: string): string {
  const match = /^(\d+)\s*(b|kb|mb|gb)?$/i.exec(limit.trim());
  if (!match?.[1] || Number(match[1]) === 0) throw new Error(`body limit ${JSON.stringify(limit)} is not a size such as 64kb`);
  const unit = (match[2] ?? 'b').toLowerCase();
  return `${match[1]}${unit === 'b' ? '' : unit[0]}`;
}

/** A byte count in nginx's units: `256k` for 262144, `1m` for 1048576, else plain bytes. */
export function nginxBytes(bytes: number): string {
  if (!Number.isInteger(bytes) || bytes <= 0) throw new Error(`body limit ${bytes} is not a whole number of bytes`);
  if (bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)}m`;
  return bytes % 1024 === 0 ? `${bytes / 1024}k` : String(bytes);
}

/**
 * The `server` lines of the sse upstream: the hosts the nginx setting sseUpstreams lists, else
 * every gateway process of this host (MS_SSE_INSTANCES) on loopback.
 */
function gatewayServers(truth: PublicTruth, settings: NginxSettings, env: RenderNginxOptions['env'], problems: string[]): string {
  const servers =
    settings.sseUpstreams.length > 0
      ? settings.sseUpstreams.map((address) => `${address} ${REMOTE_GATEWAY_PARAMS}`)
      : gatewayInstances(truth, env, problems).map((i) => `${hostPort(loopbackFor(i.host), i.port)} ${LOCAL_GATEWAY_PARAMS}`);
  return servers.map((server) => `        server ${server};`).join('\n');
}

function requireNginx(truth: PublicTruth): Component {
  const nginx = truth.components['nginx'];
  if (!nginx) throw new ConfigError(['truth has no component "nginx"']);
  return nginx;
}

/**
 * The nginx settings through the schema the truth compiler checks them with (so a loaded truth
 * always passes); a document patched by hand still gets every problem named, with the defaults.
 */
function nginxSettingsOf(nginx: Component, problems: string[]): NginxSettings {
  const parsed = nginxSettings.schema.safeParse(nginx.settings);
  if (parsed.success) return parsed.data;
  problems.push(...parsed.error.issues.map((i) => `components.${nginx.id}.settings.${i.path.join('.')}: ${i.message}`));
  return nginxSettings.schema.parse({});
}

function listenAddress(nginx: Component, env: RenderNginxOptions['env'], problems: string[]): string {
  const port = componentPort(nginx, env, problems) ?? 8443;
  const host = nginx.listen?.host ?? '0.0.0.0';
  return host === '0.0.0.0' ? String(port) : hostPort(host, port);
}

/** Services bound to every interface are still reached on loopback. */
function loopbackFor(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '::1';
  return host;
}

function hostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** Paths are quoted in the templates; refuse what would break out of the quotes or expand as a variable. */
function safePath(name: string, value: string, problems: string[]): string {
  // eslint-disable-next-line no-control-regex
  if (/["'\\$\u0000-\u001f]/.test(value)) problems.push(`${name}=${value}: nginx paths may not contain quotes, backslashes, "$" or control characters`);
  return value;
}
