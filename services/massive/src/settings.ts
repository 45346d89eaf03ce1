import { massiveSettings, operatorMessage, type MassiveComponentSettings } from '@marketswarm/shared/truth';

/** What the producer runs with: its truth settings after the overrides, and the node's symbols it publishes. */
export type MassiveSettings = MassiveComponentSettings & { symbols: readonly string[] };

export class MassiveSettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid massive settings: ${problems.join('; ')}`);
    this.name = 'MassiveSettingsError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Truth's settings (validated at boot with the shared `massiveSettings` schema) plus the
 * per-process overrides, strongest first: `--replay <file>` / `--record <file>` /
 * `--replay-speed <n>` on the command line, then `MS_MASSIVE_REPLAY`, `MS_MASSIVE_RECORD`,
 * `MS_MASSIVE_REPLAY_SPEED`. The result passes the same schema again, every bad value in one error.
 */
export function parseMassiveSettings(settings: Readonly<Record<string, unknown>>, symbols: readonly string[], env: Env = {}, argv: readonly string[] = []): MassiveSettings {
  const merged: Record<string, unknown> = { ...settings };
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
  const parsed = massiveSettings.schema.safeParse(merged, { error: operatorMessage });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`);
  }
  if (problems.length > 0 || !parsed.success) throw new MassiveSettingsError(problems);
  return { ...parsed.data, symbols };
}

function argValue(argv: readonly string[], flag: string): string | undefined {
  const i = argv.indexOf(flag);
  if (i >= 0) return argv[i + 1];
  const inline = argv.find((a) => a.startsWith(`${flag}=`));
  return inline?.slice(flag.length + 1);
}
