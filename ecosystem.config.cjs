// pm2 processes of the stack, derived from the compiled truth (scripts/truth.json, written by
// `./admin build-truth`) so ports, names and Redis roles are declared once. Every MS_*_PORT and
// REDIS_*_URL override in the environment is applied here exactly as the services apply it.
const fs = require('node:fs');
const path = require('node:path');
const { busUrls, componentPort, gatewayInstances, GATEWAY_COMPONENT } = require('./services/shared/dist/config/index.js');

const root = __dirname;
const truthFile = path.join(root, 'scripts/truth.json');
if (!fs.existsSync(truthFile)) {
  throw new Error('scripts/truth.json is missing: run ./admin build-truth (./admin up does it for you)');
}
const truth = JSON.parse(fs.readFileSync(truthFile, 'utf8'));
const env = process.env;
const runDir = path.resolve(root, env.MS_RUN_DIR || 'run');
const logDir = path.join(runDir, 'logs');
const urls = busUrls(truth, env);

/** Node services: the script each component id runs. */
const scripts = {
  sse: 'services/sse/dist/main.js',
  journal: 'services/journal/dist/main.js',
  copilot: 'services/copilot/dist/main.js',
  massive: 'services/massive/dist/main.js',
  intel: 'services/intel/dist/main.js',
  watch: 'services/watch/dist/main.js',
  static: 'ui/server/dist/main.js',
};

/** When the scheduled backup runs unless truth says otherwise (journal settings backup.cron). */
const DEFAULT_BACKUP_CRON = '15 2 * * *';

// Passed to every process so a second stack (tests, staging) never touches the dev one.
const stackEnv = {
  NODE_ENV: env.NODE_ENV || 'production',
  LOG_LEVEL: env.LOG_LEVEL || 'info',
  MS_RUN_DIR: runDir,
  REDIS_SYSTEM_URL: urls.system,
  REDIS_MARKET_URL: urls.market,
  REDIS_INTEL_URL: urls.intel,
  ...Object.fromEntries(
    Object.values(truth.components)
      .filter((c) => c.listen && env[c.listen.env])
      .map((c) => [c.listen.env, env[c.listen.env]]),
  ),
};

const restartPolicy = {
  autorestart: true,
  min_uptime: '5s',
  max_restarts: 30,
  exp_backoff_restart_delay: 200,
  kill_timeout: 12000,
  time: true,
  merge_logs: true,
};

function logs(name) {
  return { out_file: path.join(logDir, `${name}.out.log`), error_file: path.join(logDir, `${name}.err.log`) };
}

function which(binary, fallbacks) {
  for (const dir of (env.PATH || '').split(':').concat(fallbacks)) {
    const candidate = path.join(dir, binary);
    if (dir && fs.existsSync(candidate)) return candidate;
  }
  return binary;
}

function redisApp(component) {
  const dataDir = path.join(runDir, 'data', component.id);
  fs.mkdirSync(dataDir, { recursive: true });
  return {
    name: component.meta.pm2,
    script: which('redis-server', ['/usr/bin', '/usr/local/bin']),
    interpreter: 'none',
    args: [
      path.join(root, 'scripts/redis', `${component.bus}.conf`),
      '--port', String(componentPort(component, env)),
      '--bind', component.listen.host,
      '--dir', dataDir,
    ],
    cwd: root,
    ...restartPolicy,
    max_memory_restart: '2G',
    ...logs(component.meta.pm2),
  };
}

function nginxApp(component) {
  const prefix = path.join(runDir, 'nginx');
  return {
    name: component.meta.pm2,
    script: which('nginx', ['/usr/sbin', '/usr/local/sbin']),
    interpreter: 'none',
    args: ['-e', path.join(prefix, 'error.log'), '-p', prefix, '-c', path.join(prefix, 'nginx.conf'), '-g', 'daemon off;'],
    cwd: root,
    ...restartPolicy,
    ...logs(component.meta.pm2),
  };
}

function nodeApp(component, name = component.meta.pm2, extraEnv = {}) {
  const script = scripts[component.id];
  if (!script) throw new Error(`ecosystem.config.cjs: no script for component "${component.id}"`);
  return {
    name,
    script: path.join(root, script),
    cwd: root,
    exec_mode: 'fork',
    node_args: ['--enable-source-maps'],
    env: { ...stackEnv, ...extraEnv },
    ...restartPolicy,
    max_memory_restart: '768M',
    ...logs(name),
  };
}

/**
 * The gateway runs as named processes on their own ports (fotw-sse on 3001, fotw-sse-2 on 3021, …;
 * MS_SSE_INSTANCES or the sse setting instances), the same shape as gateways on several hosts
 * behind nginx's upstream; each later one gets its PORT and MS_INSTANCE (its heartbeat id).
 */
function gatewayApps(component) {
  return gatewayInstances(truth, env).map((instance) => nodeApp(component, instance.pm2, instance.env));
}

/**
 * `./admin backup --scheduled` at the journal's backup.cron. autostart false: pm2 registers the
 * cron without running a backup at every start; autorestart false: it runs once per cron tick.
 */
function backupApp() {
  const cron = truth.components.journal?.settings?.backup?.cron || DEFAULT_BACKUP_CRON;
  return {
    name: 'fotw-backup',
    script: path.join(root, 'scripts/admin/dist/main.js'),
    args: ['backup', '--scheduled'],
    cwd: root,
    exec_mode: 'fork',
    env: stackEnv,
    cron_restart: cron,
    autostart: false,
    autorestart: false,
    time: true,
    merge_logs: true,
    ...logs('fotw-backup'),
  };
}

const apps = Object.values(truth.components)
  .filter((c) => c.meta.pm2)
  .flatMap((c) => {
    if (c.meta.kind === 'redis') return [redisApp(c)];
    if (c.meta.kind === 'proxy') return [nginxApp(c)];
    return c.id === GATEWAY_COMPONENT ? gatewayApps(c) : [nodeApp(c)];
  })
  .concat(truth.components.journal ? [backupApp()] : []);

module.exports = { apps };
