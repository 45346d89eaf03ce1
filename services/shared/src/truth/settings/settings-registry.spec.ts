import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { parseValue } from '../parse-source.js';
import { formatTruthProblem } from '../truth-problem.js';
import { intelSettings } from './intel.settings.js';
import { massiveSettings } from './massive.settings.js';
import { nodeSettingsSchema } from './node.settings.js';
import { describeSettings, liveKeys } from './setting-meta.js';
import { settingsRegistry } from './settings-registry.js';
import { sseSettings } from './sse.settings.js';

const root = path.resolve(import.meta.dirname, '../../../../..');
const componentFiles = readdirSync(path.join(root, 'truth/components')).filter((f) => f.endsWith('.json'));
const repoComponent = (id: string) => JSON.parse(readFileSync(path.join(root, 'truth/components', `${id}.json`), 'utf8')) as { settings?: unknown };

/** Problems as an operator reads them, for a settings block checked on its own. */
const problemsOf = (schema: Parameters<typeof parseValue>[2], value: unknown) => {
  const parsed = parseValue('f.json', value, schema, ['settings']);
  return parsed.ok ? [] : parsed.problems.map(formatTruthProblem);
};

describe('settingsRegistry', () => {
  it('has a schema for every component file that declares settings, and a file for every schema', () => {
    const withSettings = componentFiles.map((f) => f.replace(/\.json$/, '')).filter((id) => repoComponent(id).settings !== undefined);
    for (const id of withSettings) expect(settingsRegistry.has(id), id).toBe(true);
    for (const id of settingsRegistry.keys()) expect(componentFiles, id).toContain(`${id}.json`);
  });

  it.each([...settingsRegistry.values()].map((spec) => [spec.component, spec] as const))('%s: every setting has a description and a default, or is optional', (_id, spec) => {
    for (const setting of describeSettings(spec.schema)) {
      expect(setting.description, setting.key).not.toBe('');
      const optional = (spec.schema.shape[setting.key] as z.ZodType | undefined)?.safeParse(undefined).success;
      expect(setting.default !== null || optional, `${setting.key} has a default or is optional`).toBe(true);
    }
    expect(spec.schema.safeParse({}).success).toBe(true);
  });

  it("accepts each component's settings in the repository's truth", () => {
    for (const spec of settingsRegistry.values()) expect(problemsOf(spec.schema, repoComponent(spec.component).settings ?? {}), spec.component).toEqual([]);
  });

  it('documents every node setting with a default', () => {
    for (const setting of describeSettings(nodeSettingsSchema)) {
      expect(setting.description, setting.key).not.toBe('');
      expect(setting.default, setting.key).not.toBeNull();
    }
  });
});

describe('sseSettings', () => {
  it('applies what the gateway reads per connection live, and what it wires at boot after a restart', () => {
    expect([...liveKeys(sseSettings.schema)].sort()).toEqual(['byteBudget', 'maxStreamsPerSession', 'maxStreamsPerUser', 'recentCount', 'retryMs']);
  });

  it('refuses the values that used to pass the build and fail the boot', () => {
    expect(problemsOf(sseSettings.schema, { byteBudget: 1, keepaliveMs: 0, cors: { enabled: true, origins: ['*', 'https://a.example.com/app'] } })).toEqual([
      'f.json: $.settings.keepaliveMs: must be at least 1000',
      'f.json: $.settings.byteBudget: must be at least 16384',
      'f.json: $.settings.cors.origins[0]: must be an exact origin such as https://trade.example.com (no "*", no path)',
      'f.json: $.settings.cors.origins[1]: must be an exact origin such as https://trade.example.com (no "*", no path)',
    ]);
  });

  it('needs an origin when cors is on', () => {
    expect(problemsOf(sseSettings.schema, { cors: { enabled: true } })).toEqual(['f.json: $.settings.cors.origins: must list at least one origin when cors is enabled']);
  });
});

describe('massiveSettings', () => {
  it('requires a replay file when the source is replay', () => {
    expect(problemsOf(massiveSettings.schema, { source: 'replay' })).toEqual(['f.json: $.settings.replayFile: is required when source is "replay"']);
  });

  it('names the accepted values of an enum', () => {
    expect(problemsOf(massiveSettings.schema, { clock: 'always' })).toEqual(['f.json: $.settings.clock: must be one of "demo", "regular", got "always"']);
  });
});

describe('intelSettings', () => {
  it('reports every bad feed and value at once', () => {
    expect(problemsOf(intelSettings.schema, { feeds: [{ url: 'ftp://x' }, { url: 'file://a', symbols: ['spx'] }], pollIntervalSec: 1.5 })).toEqual([
      'f.json: $.settings.feeds[0].url: must be an http(s):// URL or a file:// path (relative paths resolve against the repository root)',
      'f.json: $.settings.feeds[1].symbols[0]: must be an upper-case ticker such as SPX',
      'f.json: $.settings.pollIntervalSec: must be a whole number',
    ]);
  });

  it('refuses a retry cap below the first retry delay', () => {
    expect(problemsOf(intelSettings.schema, { backoffBaseSec: 60, backoffMaxSec: 30 })).toEqual(['f.json: $.settings.backoffMaxSec: must be at least backoffBaseSec']);
  });
});
