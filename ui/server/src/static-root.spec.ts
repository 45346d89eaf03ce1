import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { staticSettings } from '@marketswarm/shared/truth';
import { assertBuilt, repoRoot, staticRootFrom } from './static-root.js';

describe(staticRootFrom.name, () => {
  it('resolves a relative root against the repository root', () => {
    expect(staticRootFrom({ root: 'ui/dist' }, '/srv/marketswarm')).toBe(path.resolve('/srv/marketswarm/ui/dist'));
  });

  it('keeps an absolute root', () => {
    expect(staticRootFrom({ root: '/var/www/ms' }, '/srv/marketswarm')).toBe(path.resolve('/var/www/ms'));
  });

  it('finds the repository root from its own location', () => {
    expect(staticRootFrom({ root: 'ui/dist' })).toBe(path.join(repoRoot, 'ui/dist'));
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { name: string };
    expect(pkg.name).toBe('marketswarm');
  });

  it('takes settings the shared schema checked: a blank or non-string root never reaches it', () => {
    for (const root of [' ', 42, '']) expect(staticSettings.schema.safeParse({ root }).success, JSON.stringify(root)).toBe(false);
    expect(staticRootFrom(staticSettings.schema.parse({}))).toBe(path.join(repoRoot, 'ui/dist'));
  });
});

describe(assertBuilt.name, () => {
  it('refuses a folder without index.html and says how to build it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ms-static-'));
    try {
      await expect(assertBuilt(dir)).rejects.toThrow(/index\.html not found: build the UI first \(npm run build -w ui\)/);
      await writeFile(path.join(dir, 'index.html'), '<!doctype html>');
      await expect(assertBuilt(dir)).resolves.toBeUndefined();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
