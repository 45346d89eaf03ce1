import { availableParallelism } from 'node:os';

export const SERVER_KINDS = ['ours', 'nchan', 'baseline'] as const;
export type ServerKind = (typeof SERVER_KINDS)[number];

export interface Scenario {
  /** Subscribers held open for the whole scenario. */
  subscribers: number;
  /** Events published per second, the same for every server. */
  rate: number;
}

export const SCENARIO_KINDS = ['matrix', 'storm'] as const;
export type ScenarioKind = (typeof SCENARIO_KINDS)[number];
export const STORM_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGKILL'] as const;

/** The reconnect storm (`--scenario storm`): clients on our gateways, which restart under them. */
export interface StormOptions {
  /** Subscriptions held through the restart. */
  clients: number;
  /** Distinct session cookies over those subscriptions (each its own by default, as browsers on /sse/all). */
  sessions: number;
  /** Events published per second, before, during and after the restart. */
  rate: number;
  /** Seconds of publishing; the restart comes `restartAfterSec` in. */
  durationSec: number;
  restartAfterSec: number;
  /** What the gateways get: SIGINT as `pm2 restart` sends, SIGKILL for a crash. */
  signal: (typeof STORM_SIGNALS)[number];
}

export interface BenchOptions {
  quick: boolean;
  /** `matrix`: every server at every size and rate; `storm`: the reconnect storm after a gateway restart. */
  scenario: ScenarioKind;
  storm: StormOptions;
  servers: ServerKind[];
  scenarios: Scenario[];
  /** Seconds of publishing per scenario. */
  durationSec: number;
  /** Target size of the payload JSON (`data` of the envelope), in bytes. */
  payloadBytes: number;
  /** Load-generator child processes. */
  clients: number;
  /** Connections whose event timestamps are parsed for latency (spread evenly over all of them). */
  latencySamples: number;
  /** Seconds to wait after the last connection opened before reading the idle RSS. */
  settleSec: number;
  /** Open file limit for servers and load generators (`ulimit -n`, at most the hard limit). */
  nofile: number;
  /** Most seconds to wait, before each measurement, for a second in which the machine is nearly idle. */
  quietWaitSec: number;
  /** Times the whole matrix runs, servers alternating; ratios compare medians over the rounds. */
  rounds: number;
  /** Gateway processes for ours (subscribers split evenly over them). */
  gateways: number;
  /** What our subscribers open: `/sse/vexy`, or `/sse/all` (13 topics, so a 13-position id on every frame). */
  oursStream: 'vexy' | 'all';
  /** nginx worker processes for nchan. */
  nchanWorkers: number;
  /** Run the gateways under `node --cpu-prof` and print where their time went. */
  profile: boolean;
  /**
   * The path browsers use: subscribers speak TLS (HTTP/1.1 by ALPN); ours behind nginx (TLS,
   * `nchanWorkers` workers), nchan serving TLS itself. The baseline has no TLS mode.
   */
  tls: boolean;
  help: boolean;
}

export const USAGE = `npm run bench:fanout -- [options]      (or: node bench/dist/fanout/run-fanout.js [options])

  --quick                 smoke run: 200 and 1000 subscribers, 3 s per scenario (storm: 1000 clients, 10 s)
  --scenario matrix       matrix (every server × size × rate) or storm (reconnect storm)  (env BENCH_SCENARIO)
  --storm-clients 10000   storm: subscriptions held through the gateway restart  (env BENCH_STORM_CLIENTS)
  --storm-sessions N      storm: distinct sessions, default one per client; 1 = one shared cookie (env BENCH_STORM_SESSIONS)
  --storm-rate 2          storm: events/s published throughout                    (env BENCH_STORM_RATE)
  --storm-duration 20     storm: seconds of publishing                             (env BENCH_STORM_DURATION)
  --storm-restart-after 3 storm: seconds into publishing when the gateways restart (env BENCH_STORM_RESTART_AFTER)
  --storm-signal SIGINT   storm: SIGINT (pm2 restart), SIGTERM or SIGKILL (a crash) (env BENCH_STORM_SIGNAL)
  --subs 1000,5000,2000,20000  subscriber counts    (env BENCH_SUBS)
  --rates 10,10,50,2      events/s per count, or one for all  (env BENCH_RATES)
  --duration 10           seconds of publishing per scenario  (env BENCH_DURATION)
  --servers ours,nchan,baseline                               (env BENCH_SERVERS)
  --payload-bytes 200     size of the payload JSON            (env BENCH_PAYLOAD_BYTES)
  --clients 2             load-generator processes            (env BENCH_CLIENTS)
  --latency-samples 200   connections whose timestamps are parsed (env BENCH_LATENCY_SAMPLES)
  --settle 2              seconds before the idle RSS reading (env BENCH_SETTLE)
  --nofile 20000          ulimit -n for servers and clients   (env BENCH_NOFILE)
  --quiet-wait 10         most seconds to wait for a quiet machine before each measurement (env BENCH_QUIET_WAIT)
  --rounds 1              repeat the matrix, servers alternating; ratios use medians (env BENCH_ROUNDS)
  --gateways 2            gateway processes for ours           (env BENCH_GATEWAYS)
  --ours-stream vexy      vexy (/sse/vexy) or all (/sse/all, every topic) (env BENCH_OURS_STREAM)
  --nchan-workers 2       nginx worker processes for nchan     (env BENCH_NCHAN_WORKERS)
  --profile               run the gateways under node --cpu-prof and summarise the profiles
  --tls                   the browser path: TLS clients; ours behind nginx (TLS), nchan serving TLS (env BENCH_TLS=1)
  --help`;

const DEFAULTS = { subs: '1000,5000,2000,20000', rates: '10,10,50,2', duration: '10', quickSubs: '200,1000', quickRates: '10', quickDuration: '3' };

function numberList(name: string, text: string): number[] {
  const values = text.split(',').map((part) => Number(part.trim()));
  for (const value of values) {
    if (!Number.isFinite(value) || value <= 0) throw new Error(`${name}: "${text}" must be a comma-separated list of positive numbers`);
  }
  return values;
}

function positive(name: string, text: string, integer = true, allowZero = false): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0 || (value === 0 && !allowZero) || (integer && !Number.isInteger(value))) throw new Error(`${name}: "${text}" must be a positive ${integer ? 'whole ' : ''}number`);
  return value;
}

function oneOf<T extends string>(name: string, text: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(text)) throw new Error(`${name}: "${text}" must be one of ${allowed.join(', ')}`);
  return text as T;
}

/** Flags win over environment variables, which win over the defaults (or the `--quick` defaults). */
export function parseOptions(argv: readonly string[], env: NodeJS.ProcessEnv): BenchOptions {
  const flags = new Map<string, string>();
  const switches = new Set<string>();
  const valued = new Set(['subs', 'rates', 'duration', 'servers', 'payload-bytes', 'clients', 'latency-samples', 'settle', 'nofile', 'quiet-wait', 'gateways', 'nchan-workers', 'ours-stream', 'rounds', 'scenario', 'storm-clients', 'storm-sessions', 'storm-rate', 'storm-duration', 'storm-restart-after', 'storm-signal']);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('--')) throw new Error(`unexpected argument "${arg}"\n\n${USAGE}`);
    const [name = '', inline] = arg.slice(2).split('=', 2);
    if (valued.has(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new Error(`--${name} needs a value`);
      flags.set(name, value);
    } else if (['quick', 'profile', 'help', 'tls'].includes(name) && inline === undefined) {
      switches.add(name);
    } else {
      throw new Error(`unknown option "${arg}"\n\n${USAGE}`);
    }
  }
  const quick = switches.has('quick') || env['BENCH_QUICK'] === '1';
  const pick = (flag: string, envName: string, fallback: string): string => flags.get(flag) ?? env[envName] ?? fallback;

  const subs = numberList('--subs', pick('subs', 'BENCH_SUBS', quick ? DEFAULTS.quickSubs : DEFAULTS.subs)).map(Math.round);
  const rates = numberList('--rates', pick('rates', 'BENCH_RATES', quick ? DEFAULTS.quickRates : DEFAULTS.rates));
  if (rates.length !== 1 && rates.length !== subs.length) throw new Error(`--rates needs one value or one per subscriber count (${subs.length})`);
  const scenarios = subs.map((subscribers, i) => ({ subscribers, rate: rates.length === 1 ? rates[0]! : rates[i]! }));

  const tls = switches.has('tls') || env['BENCH_TLS'] === '1';
  const servers = pick('servers', 'BENCH_SERVERS', tls ? 'ours,nchan' : SERVER_KINDS.join(','))
    .split(',')
    .map((s) => s.trim());
  for (const server of servers) {
    if (!(SERVER_KINDS as readonly string[]).includes(server)) throw new Error(`--servers: unknown server "${server}" (known: ${SERVER_KINDS.join(', ')})`);
  }

  if (tls && servers.includes('baseline')) throw new Error('--tls: the baseline has no TLS mode; use --servers ours,nchan');
  const stormClients = positive('--storm-clients', pick('storm-clients', 'BENCH_STORM_CLIENTS', quick ? '1000' : '10000'));
  const storm: StormOptions = {
    clients: stormClients,
    sessions: Math.min(stormClients, positive('--storm-sessions', pick('storm-sessions', 'BENCH_STORM_SESSIONS', String(stormClients)))),
    rate: positive('--storm-rate', pick('storm-rate', 'BENCH_STORM_RATE', '2'), false),
    durationSec: positive('--storm-duration', pick('storm-duration', 'BENCH_STORM_DURATION', quick ? '10' : '20'), false),
    restartAfterSec: positive('--storm-restart-after', pick('storm-restart-after', 'BENCH_STORM_RESTART_AFTER', '3'), false),
    signal: oneOf('--storm-signal', pick('storm-signal', 'BENCH_STORM_SIGNAL', 'SIGINT'), STORM_SIGNALS),
  };
  if (storm.restartAfterSec >= storm.durationSec) throw new Error('--storm-restart-after must come before the end of --storm-duration');

  return {
    quick,
    scenario: oneOf('--scenario', pick('scenario', 'BENCH_SCENARIO', 'matrix'), SCENARIO_KINDS),
    storm,
    servers: servers as ServerKind[],
    scenarios,
    durationSec: positive('--duration', pick('duration', 'BENCH_DURATION', quick ? DEFAULTS.quickDuration : DEFAULTS.duration), false),
    payloadBytes: positive('--payload-bytes', pick('payload-bytes', 'BENCH_PAYLOAD_BYTES', '200')),
    clients: positive('--clients', pick('clients', 'BENCH_CLIENTS', String(Math.max(2, availableParallelism())))),
    latencySamples: positive('--latency-samples', pick('latency-samples', 'BENCH_LATENCY_SAMPLES', '200')),
    settleSec: positive('--settle', pick('settle', 'BENCH_SETTLE', '2'), false),
    nofile: positive('--nofile', pick('nofile', 'BENCH_NOFILE', '20000')),
    quietWaitSec: positive('--quiet-wait', pick('quiet-wait', 'BENCH_QUIET_WAIT', quick ? '2' : '10'), false, true),
    rounds: positive('--rounds', pick('rounds', 'BENCH_ROUNDS', '1')),
    gateways: positive('--gateways', pick('gateways', 'BENCH_GATEWAYS', '2')),
    oursStream: oneOf('--ours-stream', pick('ours-stream', 'BENCH_OURS_STREAM', 'vexy'), ['vexy', 'all'] as const),
    nchanWorkers: positive('--nchan-workers', pick('nchan-workers', 'BENCH_NCHAN_WORKERS', '2')),
    profile: switches.has('profile') || env['BENCH_PROFILE'] === '1',
    tls,
    help: switches.has('help'),
  };
}
