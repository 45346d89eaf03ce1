import { z } from 'zod';

const symbol = z.string().regex(/^[A-Z][A-Z0-9.^/]{0,11}$/, 'must be an upper-case ticker such as SPX');

/**
 * The massive component's `settings` block (truth/components/massive.json). Unknown keys are kept
 * (other parts of the producer — chain, models — read their own keys from the same block).
 */
export const massiveSettingsSchema = z
  .looseObject({
    source: z.enum(['simulator', 'replay']).default('simulator').describe('Where ticks come from: the seeded simulator or a recorded file'),
    symbols: z.array(symbol).min(1).default(['SPX', 'NDX', 'RUT', 'VIX', 'SPY', 'QQQ']).describe('Symbols the simulator publishes'),
    seed: z.number().int().default(42).describe('Simulator seed; the same seed gives the same price path'),
    spotIntervalMs: z.number().int().min(10).max(60_000).default(1000).describe('Publish cycle (and simulator step) in ms'),
    modelIntervalMs: z.number().int().min(100).max(600_000).default(5000).describe('Model rebuild cadence in ms'),
    clock: z.enum(['demo', 'regular']).default('demo').describe('demo: market open 24/7; regular: 09:30-16:00 America/New_York, Mon-Fri'),
    replayFile: z.string().min(1).optional().describe('Recording (NDJSON or CSV) to play when source is replay'),
    replaySpeed: z.number().min(0).max(1_000_000).default(1).describe('Replay speed: 1 = real time, 10 = ten times faster, 0 = as fast as possible'),
    recordFile: z.string().min(1).optional().describe('When set, every published tick is appended to this NDJSON file'),
  })
  .superRefine((s, ctx) => {
    if (s.source === 'replay' && s.replayFile === undefined) {
      ctx.addIssue({ code: 'custom', path: ['replayFile'], message: 'is required when source is "replay"' });
    }
  });

export type MassiveSettings = z.infer<typeof massiveSettingsSchema>;

export class MassiveSettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid massive settings: ${problems.join('; ')}`);
    this.name = 'MassiveSettingsError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Parses the settings once at boot and reports every bad key in one error. Overrides, strongest
 * first: `--replay <file>` / `--record <file>` / `--replay-speed <n>` on the command line, then
 * `MS_MASSIVE_REPLAY`, `MS_MASSIVE_RECORD`, `MS_MASSIVE_REPLAY_SPEED`, then truth.
 */
export function parseMassiveSettings(raw: Record<string, unknown>, env: Env = {}, argv: readonly string[] = []): MassiveSettings {
  const merged: Record<string, unknown> = { ...raw };
  const problems: string[] = [];
  const replay = argValue(argv, '--replay') ?? env['MS_MASSIVE_REPLAY'];
  const record = argValue(argv, '--record') ?? env['MS_MASSIVE_RECORD'];
  const speed = argValue(argv, '--replay-speed') ?? env['MS_MASSIVE_REPLAY_SPEED'];
  if (replay) Object.assign(merged, { source: 'replay', replayFile: replay });
  if (record) merged['recordFile'] = record;
  if (speed !== undefined && speed !== '') {
    const n = Number(speed);
    if (Number.isFinite(n)) merged['replaySpeed'] = n;
    else problems.push(`replaySpeed: "${speed}" is not a number`);
  }
  const parsed = massiveSettingsSchema.safeParse(merged);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`);
  }
  if (problems.length > 0 || !parsed.success) throw new MassiveSettingsError(problems);
  return parsed.data;
}

function argValue(argv: readonly string[], flag: string): string | undefined {
  const i = argv.indexOf(flag);
  if (i >= 0) return argv[i + 1];
  const inline = argv.find((a) => a.startsWith(`${flag}=`));
  return inline?.slice(flag.length + 1);
}
