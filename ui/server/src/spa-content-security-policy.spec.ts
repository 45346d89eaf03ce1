import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { repoRoot } from '@marketswarm/shared/testing';
import { describe, expect, it } from 'vitest';
import { CHART_ATTRIBUTION_STYLE_HASH, SPA_CONTENT_SECURITY_POLICY } from './spa-content-security-policy.js';

function directive(name: string): string[] {
  const found = SPA_CONTENT_SECURITY_POLICY.split(';').map((d) => d.trim().split(/\s+/)).find(([n]) => n === name);
  return found?.slice(1) ?? [];
}

/** Every CSS text lightweight-charts writes into an element it creates, from the build Vite bundles. */
async function chartInlineStyles(): Promise<string[]> {
  const requireFromUi = createRequire(path.join(repoRoot, 'ui/package.json'));
  const manifestFile = requireFromUi.resolve('lightweight-charts/package.json');
  const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as { module: string };
  const source = await readFile(path.join(path.dirname(manifestFile), manifest.module), 'utf8');
  return [...source.matchAll(/\.(?:innerText|textContent)\s*=\s*"([^"]*\{[^"]*)"/g)].map((m) => m[1] ?? '');
}

describe('SPA_CONTENT_SECURITY_POLICY', () => {
  it("allows no inline style or script: no 'unsafe-inline', no https: wildcard", () => {
    for (const name of ['style-src', 'script-src', 'font-src', 'default-src']) {
      expect(directive(name), name).not.toContain("'unsafe-inline'");
      expect(directive(name), name).not.toContain('https:');
    }
    expect(directive('style-src')).toEqual(["'self'", CHART_ATTRIBUTION_STYLE_HASH]);
    expect(directive('script-src-attr')).toEqual(["'none'"]);
  });

  it('forbids framing', () => {
    expect(directive('frame-ancestors')).toEqual(["'none'"]);
  });

  it("allows exactly the chart library's one inline style, by the hash of its installed text", async () => {
    const styles = await chartInlineStyles();
    expect(styles, 'lightweight-charts inline styles').toHaveLength(1);
    const hash = `'sha256-${createHash('sha256').update(styles[0] ?? '').digest('base64')}'`;
    expect(hash).toBe(CHART_ATTRIBUTION_STYLE_HASH);
  });
});
