import { describe, expect, it } from 'vitest';
import { RunningSettings } from '../../service/running-settings.js';
import { compileRepoTruthSync } from '../../testing/repo-truth.js';
import type { TruthDoc } from '../truth-doc.schema.js';
import { copilotSettings } from './copilot.settings.js';
import { liveKeys } from './setting-meta.js';

const repoDoc: TruthDoc = { ...compileRepoTruthSync().truth, secrets: {} };

function withCopilotSettings(values: Record<string, unknown>): TruthDoc {
  const doc = structuredClone(repoDoc);
  Object.assign(doc.components['copilot']!.settings, values);
  return doc;
}

describe('copilotSettings', () => {
  it('marks live exactly the settings the copilot reads where it uses them', () => {
    expect([...liveKeys(copilotSettings.schema)].sort()).toEqual(['commentaryMaxPerMinute', 'melHistorySize', 'melIntervalMs', 'provider', 'ws']);
  });

  it('applies a reload of the WebSocket limits, commentary limits, provider and MEL cadence in the object the copilot holds, and waits for a restart to change the symbol', () => {
    const running = RunningSettings.boot(repoDoc, 'copilot');
    const { settings } = running.of(copilotSettings);
    const ws = { ...settings.ws, sendBufferBytes: 65_536, maxSocketsPerUser: 2 };
    const provider = { ...settings.provider, enabled: true };
    const outcome = running.reload(withCopilotSettings({ ws, provider, commentaryMaxPerMinute: 3, melIntervalMs: 1000, melHistorySize: 60, melSymbol: 'NDX' }));
    expect(outcome).toEqual({ applied: ['commentaryMaxPerMinute', 'melHistorySize', 'melIntervalMs', 'provider', 'ws'], restartNeeded: ['melSymbol'] });
    expect(settings).toMatchObject({ ws: { sendBufferBytes: 65_536, maxSocketsPerUser: 2 }, provider: { enabled: true }, commentaryMaxPerMinute: 3, melIntervalMs: 1000, melHistorySize: 60, melSymbol: 'SPX' });
  });
});
