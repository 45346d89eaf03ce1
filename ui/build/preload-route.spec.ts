import { describe, expect, it } from 'vitest';
import { chunkClosure } from './preload-route';

describe(chunkClosure.name, () => {
  it('follows static imports transitively, once each, and ignores assets', () => {
    const bundle = {
      'a.js': { type: 'chunk', imports: ['b.js', 'c.js'] },
      'b.js': { type: 'chunk', imports: ['c.js', 'style.css'] },
      'c.js': { type: 'chunk', imports: ['a.js'] },
      'style.css': { type: 'asset' },
      'other.js': { type: 'chunk', imports: [] },
    };
    expect(chunkClosure(bundle, 'a.js').sort()).toEqual(['a.js', 'b.js', 'c.js']);
    expect(chunkClosure(bundle, 'missing.js')).toEqual([]);
  });
});
