import { EVALUATORS, type EvaluatorName } from './cpu-per-tick.js';

export const PARTS = ['cpu', 'latency'] as const;
export type Part = (typeof PARTS)[number];

export interface AlertsBenchOptions {
  /** Active price alerts. */
  alerts: number;
  /** Users owning them (round-robin). */
  users: number;
  /** Part A: ticks evaluated per evaluator (after the warm-up). */
  ticks: number;
  /** Part A: unmeasured ticks first, for the JIT (rounded up to whole blocks). */
  warmupTicks: number;
  /** Part A: ticks per alternating block. */
  blockTicks: number;
  /** Part B: spot events per second published across the six symbols. */
  rate: number;
  /** Part B: seconds of publishing per evaluator. */
  durationSec: number;
  /** Part B: users holding an SSE client (owners of alerts that fire). */
  watch: number;
  /** Part B: keep the walk's gaps (each fires thousands of alerts at once); off, the walk has none. */
  gaps: boolean;
  seed: number;
  parts: Part[];
  /** Part B: which evaluators get a stack of their own, in this order (part A always runs both: it compares their fired sets). */
  evaluators: EvaluatorName[];
  /** Most seconds to wait for a quiet second on the machine before each part. */
  quietWaitSec: number;
  help: boolean;
}

export const USAGE = `npm run bench:alerts -- [options]      (or: node bench/dist/alerts/run-alerts.js [options])

  --quick                 smoke run: 20k alerts, 3k ticks, 10 s of latency per evaluator, 200 SSE clients
  --alerts 100000         active price alerts                                  (env BENCH_ALERTS_ALERTS)
  --users 10000           users owning them                                    (env BENCH_ALERTS_USERS)
  --ticks 10000           part A: measured ticks (≈ 3 minutes of the stream)   (env BENCH_ALERTS_TICKS)
  --warmup 1000           part A: unmeasured ticks first                       (env BENCH_ALERTS_WARMUP)
  --block 250             part A: ticks per alternating block                  (env BENCH_ALERTS_BLOCK)
  --rate 50               part B: spot events per second over the six symbols (env BENCH_ALERTS_RATE)
  --duration 40           part B: seconds of publishing per evaluator          (env BENCH_ALERTS_DURATION)
  --gaps                  part B: keep the walk's gaps (off: a steady session) (env BENCH_ALERTS_GAPS=1)
  --watch 1000            part B: owners of firing alerts holding /sse/alerts  (env BENCH_ALERTS_WATCH)
  --seed 42               alerts and ticks                                     (env BENCH_ALERTS_SEED)
  --parts cpu,latency     A = cpu (in process), B = latency (the real stack)  (env BENCH_ALERTS_PARTS)
  --evaluators sorted,linear  part B's stacks (part A always runs both)       (env BENCH_ALERTS_EVALUATORS)
  --quiet-wait 5          most seconds to wait for a quiet machine before each part (env BENCH_ALERTS_QUIET_WAIT)
  --help`;

const DEFAULTS: Record<string, [string, string]> = {
  alerts: ['100000', '20000'],
  users: ['10000', '2000'],
  ticks: ['10000', '3000'],
  warmup: ['1000', '500'],
  block: ['250', '250'],
  rate: ['50', '50'],
  duration: ['40', '10'],
  watch: ['1000', '200'],
  seed: ['42', '42'],
  parts: [PARTS.join(','), PARTS.join(',')],
  evaluators: [EVALUATORS.join(','), EVALUATORS.join(',')],
  'quiet-wait': ['5', '1'],
};

function wholeNumber(name: string, text: string, min = 1): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < min) throw new Error(`--${name}: "${text}" must be a whole number, ${min} or more`);
  return value;
}

function seconds(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name}: "${text}" must be a number of seconds, 0 or more`);
  return value;
}

function positive(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name}: "${text}" must be a number above 0`);
  return value;
}

/** Flags win over environment variables, which win over the defaults (or the `--quick` defaults). */
export function parseOptions(argv: readonly string[], env: NodeJS.ProcessEnv): AlertsBenchOptions {
  const flags = new Map<string, string>();
  let quick = false;
  let help = false;
  let gaps = env['BENCH_ALERTS_GAPS'] === '1';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('--')) throw new Error(`unexpected argument "${arg}"\n\n${USAGE}`);
    const [name = '', inline] = arg.slice(2).split('=', 2);
    if (name === 'quick') quick = true;
    else if (name === 'help') help = true;
    else if (name === 'gaps') gaps = true;
    else if (name in DEFAULTS) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new Error(`--${name} needs a value`);
      flags.set(name, value);
    } else throw new Error(`unknown option --${name}\n\n${USAGE}`);
  }
  const pick = (flag: string): string => {
    const envName = `BENCH_ALERTS_${flag.replace('-', '_').toUpperCase()}`;
    const [normal, fast] = DEFAULTS[flag]!;
    return flags.get(flag) ?? env[envName] ?? (quick ? fast : normal);
  };
  const parts = pick('parts')
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  for (const p of parts) if (!(PARTS as readonly string[]).includes(p)) throw new Error(`--parts: "${p}" is not one of ${PARTS.join(', ')}`);
  const evaluators = pick('evaluators')
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  for (const e of evaluators) if (!(EVALUATORS as readonly string[]).includes(e)) throw new Error(`--evaluators: "${e}" is not one of ${EVALUATORS.join(', ')}`);
  if (evaluators.length === 0) throw new Error('--evaluators: name at least one of sorted, linear');
  const blockTicks = wholeNumber('block', pick('block'));
  const warmup = wholeNumber('warmup', pick('warmup'), 0);
  const users = wholeNumber('users', pick('users'));
  const alerts = wholeNumber('alerts', pick('alerts'));
  if (users > alerts) throw new Error(`--users: ${users} users cannot each own one of ${alerts} alerts`);
  return {
    alerts,
    users,
    ticks: wholeNumber('ticks', pick('ticks')),
    // Whole blocks, so a block is either all warm-up or all measured.
    warmupTicks: Math.ceil(warmup / blockTicks) * blockTicks,
    blockTicks,
    rate: positive('rate', pick('rate')),
    durationSec: positive('duration', pick('duration')),
    watch: wholeNumber('watch', pick('watch')),
    gaps,
    seed: wholeNumber('seed', pick('seed'), 0),
    parts: parts as Part[],
    evaluators: evaluators as EvaluatorName[],
    quietWaitSec: seconds('quiet-wait', pick('quiet-wait')),
    help,
  };
}
