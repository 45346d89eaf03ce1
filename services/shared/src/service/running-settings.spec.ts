import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config/stack-addresses.js';
import { compileTruth } from '../truth/compile-truth.js';
import { readTruthSources } from '../truth/read-truth-sources.js';
import { intelSettings } from '../truth/settings/intel.settings.js';
import { sseSettings } from '../truth/settings/sse.settings.js';
import type { TruthDoc } from '../truth/truth-doc.schema.js';
import { RunningSettings } from './running-settings.js';

const root = path.resolve(import.meta.dirname, '../../../..');
const sources = await readTruthSources(path.join(root, 'truth'), root);
const compiled = compileTruth(sources.node, sources.components);
if (!compiled.ok) throw new Error('repo truth must compile');
const repoDoc: TruthDoc = { ...compiled.truth, secrets: {} };

/** The repository's truth with edits, as a later `./admin load-truth` would write it. */
function edited(edit: (doc: TruthDoc) => void): TruthDoc {
  const doc = structuredClone(repoDoc);
  edit(doc);
  return doc;
}

const sseEdit = (values: Record<string, unknown>) => edited((doc) => Object.assign(doc.components['sse']!.settings, values));

describe(RunningSettings.name, () => {
  it('hands a service its own settings with defaults and the node settings its spec names', () => {
    const { settings, node } = RunningSettings.boot(repoDoc, 'sse').of(sseSettings);
    expect(settings).toMatchObject({ keepaliveMs: 15_000, retryMs: 2000, maxStreamsPerUser: 32 });
    expect(node).toEqual({ sessionTtlSec: 604_800 });
  });

  it("refuses to hand a component another component's settings", () => {
    expect(() => RunningSettings.boot(repoDoc, 'sse').of(intelSettings)).toThrow('sse asked for the settings of "intel": a component reads only its own');
  });

  it('refuses to boot on invalid settings, naming every problem in the loaded document', () => {
    const doc = sseEdit({ byteBudget: 1, retryMs: 'soon' });
    expect(() => RunningSettings.boot(doc, 'sse')).toThrow(ConfigError);
    expect(() => RunningSettings.boot(doc, 'sse')).toThrow(
      /redis truth:doc: \$\.components\.sse\.settings\.retryMs: must be a number, got "soon"[\s\S]*redis truth:doc: \$\.components\.sse\.settings\.byteBudget: must be at least 16384/,
    );
  });

  it('applies live settings in the object it handed out and lists the rest as needing a restart', () => {
    const running = RunningSettings.boot(repoDoc, 'sse');
    const { settings } = running.of(sseSettings);
    const outcome = running.reload(sseEdit({ retryMs: 5000, byteBudget: 65_536, keepaliveMs: 20_000 }));
    expect(outcome).toEqual({ applied: ['byteBudget', 'retryMs'], restartNeeded: ['keepaliveMs'] });
    expect(settings).toMatchObject({ retryMs: 5000, byteBudget: 65_536, keepaliveMs: 15_000 });
    expect(running.restartNeeded()).toEqual(['keepaliveMs']);
  });

  it('forgets a pending restart once a later load restores the boot-time value', () => {
    const running = RunningSettings.boot(repoDoc, 'sse');
    running.reload(sseEdit({ keepaliveMs: 20_000 }));
    running.reload(repoDoc);
    expect(running.restartNeeded()).toEqual([]);
  });

  it('names node settings, its own ports and secrets that changed, but not what it does not read', () => {
    const running = RunningSettings.boot(repoDoc, 'sse');
    const doc = edited((d) => {
      d.node.sessionTtlSec = 3600;
      d.node.symbols = ['SPX'];
      d.components['sse']!.listen!.port = 4001;
      d.components['intel']!.settings['pollIntervalSec'] = 5;
      d.secrets = { sse: { signingKey: 'k' } };
    });
    expect(running.reload(doc).restartNeeded).toEqual(['node.sessionTtlSec', 'listen', 'secrets.signingKey']);
  });

  it('keeps its settings when a reloaded truth has invalid ones', () => {
    const running = RunningSettings.boot(repoDoc, 'sse');
    const { settings } = running.of(sseSettings);
    expect(() => running.reload(sseEdit({ retryMs: 5000, byteBudget: 1 }))).toThrow(/byteBudget: must be at least 16384/);
    expect(settings.retryMs).toBe(2000);
    expect(running.restartNeeded()).toEqual([]);
  });
});
