import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileInsideRoot, hasExtension } from './request-path.js';

const root = path.resolve('/srv/ui/dist');

describe(fileInsideRoot.name, () => {
  it('maps a URL path onto a file inside root', () => {
    expect(fileInsideRoot(root, '/assets/index-abc.js')).toBe(path.join(root, 'assets/index-abc.js'));
    expect(fileInsideRoot(root, '/my%20file.json')).toBe(path.join(root, 'my file.json'));
  });

  it.each(['/../package.json', '/%2e%2e/package.json', '/%2E%2E%2Fpackage.json', '/assets/..%2f..%2fpackage.json', '/..%5cpackage.json', '/a/../../b.js'])(
    'refuses %s, which climbs out of root',
    (raw) => {
      expect(fileInsideRoot(root, raw)).toBeNull();
    },
  );

  it('refuses dotfiles, NUL bytes, undecodable paths and the root itself', () => {
    expect(fileInsideRoot(root, '/.env')).toBeNull();
    expect(fileInsideRoot(root, '/assets/app.js%00.png')).toBeNull();
    expect(fileInsideRoot(root, '/%E0%A4%A.js')).toBeNull();
    expect(fileInsideRoot(root, '/')).toBeNull();
  });
});

describe(hasExtension.name, () => {
  it('looks at the last path segment only', () => {
    expect(hasExtension('/assets/index-abc.js')).toBe(true);
    expect(hasExtension('/favicon.svg')).toBe(true);
    expect(hasExtension('/trades/42')).toBe(false);
    expect(hasExtension('/v1.2/positions')).toBe(false);
    expect(hasExtension('/')).toBe(false);
  });

  it('does not count a leading dot as an extension', () => {
    expect(hasExtension('/.well-known')).toBe(false);
  });
});
