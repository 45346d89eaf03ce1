import { describe, expect, it } from 'vitest';
import { MassiveSettingsError, parseMassiveSettings } from './settings.js';

const TRUTH = { source: 'simulator', seed: 42, spotIntervalMs: 1000, modelIntervalMs: 5000 };
const SYMBOLS = ['SPX', 'NDX'];

describe(parseMassiveSettings.name, () => {
  it("accepts the repository truth, fills the defaults and publishes the node's symbols", () => {
    expect(parseMassiveSettings(TRUTH, SYMBOLS)).toMatchObject({ ...TRUTH, clock: 'demo', replaySpeed: 1, symbols: SYMBOLS });
  });

  it('reports every bad key in one error, symbols included (they belong to the node now)', () => {
    const bad = { source: 'bloomberg', seed: 1.5, spotIntervalMs: 0, clock: 'always', symbols: ['SPX'] };
    try {
      parseMassiveSettings(bad, SYMBOLS);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(MassiveSettingsError);
      const problems = (error as MassiveSettingsError).problems.map((p) => p.split(':')[0]);
      expect(problems).toEqual(expect.arrayContaining(['source', 'seed', 'spotIntervalMs', 'clock']));
      expect((error as MassiveSettingsError).problems).toContain('(root): unknown key "symbols"');
    }
  });

  it('requires a replay file when the source is replay', () => {
    expect(() => parseMassiveSettings({ ...TRUTH, source: 'replay' }, SYMBOLS)).toThrow(/replayFile: is required when source is "replay"/);
  });

  it('lets MS_MASSIVE_REPLAY / MS_MASSIVE_RECORD switch to replay and recording', () => {
    const s = parseMassiveSettings(TRUTH, SYMBOLS, { MS_MASSIVE_REPLAY: '/tmp/a.ndjson', MS_MASSIVE_RECORD: '/tmp/b.ndjson', MS_MASSIVE_REPLAY_SPEED: '0' });
    expect(s).toMatchObject({ source: 'replay', replayFile: '/tmp/a.ndjson', recordFile: '/tmp/b.ndjson', replaySpeed: 0 });
  });

  it('lets --replay/--record on the command line win over the environment', () => {
    const s = parseMassiveSettings(TRUTH, SYMBOLS, { MS_MASSIVE_REPLAY: '/tmp/env.ndjson' }, ['--replay', '/tmp/cli.csv', '--record=/tmp/out.ndjson']);
    expect(s).toMatchObject({ source: 'replay', replayFile: '/tmp/cli.csv', recordFile: '/tmp/out.ndjson' });
  });

  it('rejects a replay speed that is not a number', () => {
    expect(() => parseMassiveSettings(TRUTH, SYMBOLS, { MS_MASSIVE_REPLAY_SPEED: 'fast' })).toThrow(/replaySpeed: "fast" is not a number/);
  });
});
