import { describe, expect, it } from 'vitest';
import { cacheControlFor, IMMUTABLE, REVALIDATE, REVALIDATE_HTML } from './cache-policy.js';

describe(cacheControlFor.name, () => {
  it('caches hashed files under assets/ for a year, immutable', () => {
    expect(cacheControlFor('assets/index-DMpt2a5K.js')).toBe('public, max-age=31536000, immutable');
    expect(cacheControlFor('assets/fonts/inter-3f2a.woff2')).toBe(IMMUTABLE);
  });

  it('makes every HTML file revalidate', () => {
    expect(cacheControlFor('index.html')).toBe('no-cache, must-revalidate');
    expect(cacheControlFor('docs/help.html')).toBe(REVALIDATE_HTML);
  });

  it('revalidates unhashed root files such as the favicon', () => {
    expect(cacheControlFor('favicon.svg')).toBe(REVALIDATE);
  });

  it('does not treat a folder merely named like assets as the hashed folder', () => {
    expect(cacheControlFor('old-assets/app.js')).toBe(REVALIDATE);
    expect(cacheControlFor('x/assets/app.js')).toBe(REVALIDATE);
  });
});
