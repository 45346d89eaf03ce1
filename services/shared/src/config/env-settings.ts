/**
 * Every environment variable the stack reads, with its metadata. The README's settings table is
 * generated from this list and from the port variables declared in truth (`./admin docs`), so the
 * documentation cannot drift from the code.
 */
export interface EnvSetting {
  name: string;
  description: string;
  default: string;
  sensitive: boolean;
  /** Which processes read it. */
  readBy: string;
}

export const DEFAULT_SYSTEM_REDIS_URL = 'redis://127.0.0.1:6379';

export const envSettings: readonly EnvSetting[] = [
  {
    name: 'REDIS_SYSTEM_URL',
    description: 'System Redis (truth, sessions, heartbeats). The only setting a service needs to boot; everything else comes from truth.',
    default: DEFAULT_SYSTEM_REDIS_URL,
    sensitive: false,
    readBy: 'every service, ./admin',
  },
  {
    name: 'REDIS_MARKET_URL',
    description: 'Overrides the market Redis URL that truth declares (redis-market component).',
    default: 'from truth',
    sensitive: false,
    readBy: 'every service, ./admin',
  },
  {
    name: 'REDIS_INTEL_URL',
    description: 'Overrides the intel Redis URL that truth declares (redis-intel component).',
    default: 'from truth',
    sensitive: false,
    readBy: 'every service, ./admin',
  },
  {
    name: 'PORT',
    description: "Overrides one process's own listen port (wins over its MS_*_PORT variable).",
    default: 'from truth',
    sensitive: false,
    readBy: 'each service',
  },
  {
    name: 'LOG_LEVEL',
    description: 'pino log level: trace, debug, info, warn, error, fatal.',
    default: 'info',
    sensitive: false,
    readBy: 'every service',
  },
  {
    name: 'MS_TRUTH_FILE',
    description: 'The compiled truth the admin page compares with the loaded one (loaded-vs-files diff).',
    default: 'scripts/truth.json of the repository',
    sensitive: false,
    readBy: 'fotw-sse',
  },
  {
    name: 'MS_RUN_DIR',
    description: 'Writable folder for Redis data, the journal SQLite file, rendered nginx config, TLS certificate and logs.',
    default: './run',
    sensitive: false,
    readBy: './admin, ecosystem.config.cjs, fotw-journal',
  },
  {
    name: 'MS_MASSIVE_REPLAY',
    description: 'Market producer: replay this recorded tick file (NDJSON or CSV: timestamp, symbol, price[, size]) instead of simulating. Same as --replay.',
    default: 'unset (simulator)',
    sensitive: false,
    readBy: 'fotw-massive',
  },
  {
    name: 'MS_MASSIVE_REPLAY_SPEED',
    description: 'Market producer: replay speed factor (1 = real time, 0 = as fast as possible).',
    default: '1',
    sensitive: false,
    readBy: 'fotw-massive',
  },
  {
    name: 'MS_MASSIVE_RECORD',
    description: 'Market producer: also write every published tick to this NDJSON file (replayable).',
    default: 'unset',
    sensitive: false,
    readBy: 'fotw-massive',
  },
  {
    name: 'MS_SSE_INSTANCES',
    description: 'Gateway processes this host runs under pm2 (fotw-sse, fotw-sse-2, …), each on its own port behind the nginx upstream; wins over the sse setting instances. `./admin up --gateways <n>` sets it.',
    default: '1 (or sse.settings.instances)',
    sensitive: false,
    readBy: './admin up, ecosystem.config.cjs, nginx config',
  },
  {
    name: 'MS_SSE_<n>_PORT',
    description: 'Port of gateway instance n (2, 3, …); by default the first gateway\'s port + 20 × (n − 1), e.g. 3021.',
    default: 'MS_SSE_PORT + 20 × (n − 1)',
    sensitive: false,
    readBy: './admin up, ecosystem.config.cjs, nginx config',
  },
  {
    name: 'MS_INSTANCE',
    description: 'Which instance of its component a process is; instance n ≥ 2 writes its heartbeat as `<id>-<n>` (sse-2). Set by ecosystem.config.cjs.',
    default: '1',
    sensitive: false,
    readBy: 'fotw-sse-<n>',
  },
  {
    name: 'PM2_HOME',
    description: 'pm2 state folder; set it to run a second stack beside the dev stack (tests do).',
    default: '~/.pm2',
    sensitive: false,
    readBy: 'pm2, ./admin',
  },
];
