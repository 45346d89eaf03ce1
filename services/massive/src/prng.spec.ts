import { describe, expect, it } from 'vitest';
import { Prng } from './prng.js';

describe(Prng.name, () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    const a = new Prng(42);
    const b = new Prng(42);
    const c = new Prng(43);
    const seqA = Array.from({ length: 100 }, () => a.next());
    expect(Array.from({ length: 100 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 100 }, () => c.next())).not.toEqual(seqA);
  });

  it('matches the reference mulberry32 output for seed 1', () => {
    const rng = new Prng(1);
    // Output of the reference implementation (bryc's "PRNGs" collection) for seed 1.
    expect([rng.next(), rng.next(), rng.next()]).toEqual([0.6270739405881613, 0.002735721180215478, 0.5274470399599522]);
  });

  it('draws uniforms in [0, 1) with mean ≈ 0.5', () => {
    const rng = new Prng(7);
    const draws = Array.from({ length: 100_000 }, () => rng.next());
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    expect(draws.reduce((a, b) => a + b, 0) / draws.length).toBeCloseTo(0.5, 2);
  });

  it('draws standard normals with mean ≈ 0 and variance ≈ 1', () => {
    const rng = new Prng(9);
    const n = 200_000;
    let sum = 0;
    let sq = 0;
    for (let i = 0; i < n; i++) {
      const z = rng.gaussian();
      sum += z;
      sq += z * z;
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.01);
    expect(sq / n).toBeGreaterThan(0.98);
    expect(sq / n).toBeLessThan(1.02);
  });
});
