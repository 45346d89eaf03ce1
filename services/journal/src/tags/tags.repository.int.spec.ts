import { randomUUID } from 'node:crypto';
import { beforeEach, expect, it } from 'vitest';
import { describeOnBothDialects } from '../database/testing/describe-on-both-dialects.js';
import { TagsRepository } from './tags.repository.js';

describeOnBothDialects(TagsRepository.name, (fixture) => {
  let tags: TagsRepository;
  let alice: string;
  let bob: string;

  beforeEach(() => {
    tags = new TagsRepository(fixture.db(), () => Date.UTC(2026, 11, 1));
    alice = randomUUID();
    bob = randomUUID();
  });

  it('creates tags and lists them by name', async () => {
    await tags.create(alice, 'FOMC');
    await tags.create(alice, '0DTE');
    expect((await tags.list(alice)).map((t) => t.name)).toEqual(['0DTE', 'FOMC']);
  });

  it('answers duplicate for a name the user already has, while another user may use it', async () => {
    await tags.create(alice, 'FOMC');
    expect(await tags.create(alice, 'FOMC')).toBe('duplicate');
    expect(await tags.create(bob, 'FOMC')).toMatchObject({ name: 'FOMC' });
  });

  it('renames a tag, refusing a name already taken', async () => {
    const a = await tags.create(alice, 'fomc');
    await tags.create(alice, 'CPI');
    if (a === 'duplicate') throw new Error('setup');
    expect(await tags.rename(alice, a.id, 'FOMC')).toMatchObject({ id: a.id, name: 'FOMC' });
    expect(await tags.rename(alice, a.id, 'CPI')).toBe('duplicate');
  });

  it("treats another user's tag as not there", async () => {
    const a = await tags.create(alice, 'mine');
    if (a === 'duplicate') throw new Error('setup');
    expect(await tags.get(bob, a.id)).toBeUndefined();
    expect(await tags.rename(bob, a.id, 'theirs')).toBeUndefined();
    expect(await tags.remove(bob, a.id)).toBe(false);
    expect(await tags.list(bob)).toEqual([]);
    expect(await tags.get(alice, a.id)).toEqual(a);
    expect(await tags.remove(alice, a.id)).toBe(true);
    expect(await tags.get(alice, a.id)).toBeUndefined();
  });

  it("finds a tag by its exact name, only among the user's own", async () => {
    const fomc = await tags.create(alice, 'FOMC');
    expect(await tags.getByName(alice, 'FOMC')).toEqual(fomc);
    expect(await tags.getByName(alice, 'fomc')).toBeUndefined();
    expect(await tags.getByName(bob, 'FOMC')).toBeUndefined();
  });
});
