import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeSettings, nodeSettingsSchema, settingsRegistry } from '@marketswarm/shared/truth';
import { envSettings } from '@marketswarm/shared/config';
import { compileRepoTruthSync, repoRoot } from '@marketswarm/shared/testing';
import { renderSettingsTables, spliceSettings } from './settings-table.js';

const { truth } = compileRepoTruthSync();

describe(renderSettingsTables.name, () => {
  const tables = renderSettingsTables(truth);

  it('lists every environment setting and every port variable declared in truth', () => {
    for (const setting of envSettings) expect(tables).toContain(`| \`${setting.name}\` |`);
    for (const c of Object.values(truth.components)) if (c.listen) expect(tables).toContain(`\`${c.listen.env}\``);
  });

  it('lists every node setting and every component setting with its default, live/restart and description', () => {
    for (const s of describeSettings(nodeSettingsSchema)) expect(tables).toContain(`| \`${s.key}\` | \`${s.default}\` |`);
    expect(tables).toContain('| `sse` | `byteBudget` | `1048576` | live | Bytes a lagging client may hold unsent before it is disconnected with a reason |');
    expect(tables).toContain('| `sse` | `keepaliveMs` | `15000` | restart |');
    expect(tables).toContain('| `sessionTtlSec` | `604800` | sse, journal, copilot | restart |');
    for (const spec of settingsRegistry.values()) for (const s of describeSettings(spec.schema)) expect(tables).toContain(`| \`${spec.component}\` | \`${s.key}\` |`);
  });

  it('is what README.md shows (run ./admin docs after changing settings or truth)', () => {
    const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    expect(spliceSettings(readme, tables)).toBe(readme);
  });
});

describe('truth JSON schemas', () => {
  it('in truth/schema are generated from the zod schemas (run ./admin docs after changing them)', async () => {
    const { truthJsonSchemas } = await import('@marketswarm/shared/truth');
    for (const [name, text] of Object.entries(truthJsonSchemas())) {
      expect(readFileSync(path.join(repoRoot, 'truth/schema', name), 'utf8'), name).toBe(text);
    }
  });
});
