import { describe, expect, it } from 'vitest';
import { truthDiff } from './truth-diff.js';

describe('truthDiff', () => {
  it('finds nothing between equal documents, whatever their key order', () => {
    expect(truthDiff({ node: { a: 1, b: [1, { c: 2 }] } }, { node: { b: [1, { c: 2 }], a: 1 } })).toEqual([]);
  });

  it('names each changed, added and removed setting by its JSON path, in path order', () => {
    const loaded = { components: { sse: { settings: { keepaliveMs: 15000, retryMs: 1000 } } }, node: { name: 'dev' } };
    const files = { components: { sse: { settings: { keepaliveMs: 20000, recentCount: 50 } } }, node: { name: 'dev' } };
    expect(truthDiff(loaded, files)).toEqual([
      { path: 'components.sse.settings.keepaliveMs', change: 'changed', loaded: 15000, files: 20000 },
      { path: 'components.sse.settings.recentCount', change: 'added', files: 50 },
      { path: 'components.sse.settings.retryMs', change: 'removed', loaded: 1000 },
    ]);
  });

  it('reports a changed list once, as a whole value', () => {
    expect(truthDiff({ node: { symbols: ['SPX', 'NDX'] } }, { node: { symbols: ['SPX', 'NDX', 'RUT'] } })).toEqual([
      { path: 'node.symbols', change: 'changed', loaded: ['SPX', 'NDX'], files: ['SPX', 'NDX', 'RUT'] },
    ]);
  });

  it('reports a whole component that only one side has as one entry', () => {
    expect(truthDiff({ components: {} }, { components: { watch: { id: 'watch' } } })).toEqual([{ path: 'components.watch', change: 'added', files: { id: 'watch' } }]);
  });

  it('counts a value that turned from an object into a scalar as changed', () => {
    expect(truthDiff({ x: { y: 1 } }, { x: 2 })).toEqual([{ path: 'x', change: 'changed', loaded: { y: 1 }, files: 2 }]);
  });
});
