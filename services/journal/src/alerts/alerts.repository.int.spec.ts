import { randomUUID } from 'node:crypto';
import { beforeEach, expect, it } from 'vitest';
import { describeOnBothDialects } from '../database/testing/describe-on-both-dialects.js';
import { PromptAlertsRepository } from '../prompt-alerts/prompt-alerts.repository.js';
import { storedDefinition } from './alert-definition.js';
import { AlertsRepository, type AlertCommon } from './alerts.repository.js';

const once: AlertCommon = { label: null, behaviour: 'once', cooldownSec: null, enabled: true };
const spx = storedDefinition({ kind: 'price', symbol: 'SPX', level: 5000.5, direction: 'above', source: 'manual', behaviour: 'once', enabled: true });

/** Migration 0007 and the alert SQL on both dialects: scoping, paging, and a hit's behaviour in one transaction. */
describeOnBothDialects(AlertsRepository.name, (fixture) => {
  let alerts: AlertsRepository;
  let alice: string;
  let bob: string;

  beforeEach(() => {
    alerts = new AlertsRepository(fixture.db(), () => Date.UTC(2026, 11, 7));
    alice = randomUUID();
    bob = randomUUID();
  });

  it('stores the target as exact micros and the kind\'s other fields as params', async () => {
    const row = await alerts.create(alice, spx, once);
    expect(row).toMatchObject({ user_id: alice, kind: 'price', symbol: 'SPX', direction: 'above', target_micros: 5_000_500_000, params: '{"source":"manual","sourceRef":null}', enabled: 1, hit_count: 0 });
  });

  it("treats another user's alert as not there", async () => {
    const row = await alerts.create(alice, spx, once);
    expect(await alerts.get(bob, row.id)).toBeUndefined();
    expect(await alerts.setEnabled(bob, row.id, false)).toBeUndefined();
    expect(await alerts.remove(bob, row.id)).toBe(false);
    expect(await alerts.list(bob)).toEqual([]);
    expect(await alerts.list(alice, { enabled: true, kind: 'price', symbol: 'SPX' })).toEqual([row]);
  });

  it('pages enabled alerts by id for the evaluator', async () => {
    const rows = [await alerts.create(alice, spx, once), await alerts.create(alice, spx, once), await alerts.create(alice, spx, { ...once, enabled: false })];
    const enabled = rows.slice(0, 2).map((r) => r.id).sort();
    const first = await alerts.enabledPage({ userId: alice, limit: 1 });
    const second = await alerts.enabledPage({ userId: alice, cursor: first[0]?.id, limit: 1 });
    expect([...first, ...second].map((r) => r.id)).toEqual(enabled);
    expect(await alerts.enabledPage({ userId: alice, cursor: second[0]?.id, limit: 1 })).toEqual([]);
  });

  it('applies the behaviour of a hit: once disables, repeat waits out its cooldown, remove-on-hit deletes with its hits', async () => {
    const single = await alerts.create(alice, spx, once);
    expect(await alerts.recordHit(single.id, { at: 1000, message: 'a', valueMicros: 5_001_000_000 })).toMatchObject({ row: { enabled: 0, hit_count: 1, last_fired_at: 1000 }, hit: { value_micros: 5_001_000_000 } });
    expect(await alerts.recordHit(single.id, { at: 2000, message: 'b', valueMicros: null })).toMatchObject({ refused: 'disabled' });

    const repeating = await alerts.create(alice, spx, { ...once, behaviour: 'repeat', cooldownSec: 10 });
    await alerts.recordHit(repeating.id, { at: 1000, message: 'a', valueMicros: null });
    expect(await alerts.recordHit(repeating.id, { at: 10_999, message: 'b', valueMicros: null })).toMatchObject({ refused: 'cooldown' });
    expect(await alerts.recordHit(repeating.id, { at: 11_000, message: 'c', valueMicros: null })).toMatchObject({ row: { enabled: 1, hit_count: 2, last_fired_at: 11_000 } });
    expect((await alerts.hits(alice, repeating.id, 10)).map((h) => h.message)).toEqual(['c', 'a']);

    const removable = await alerts.create(alice, spx, { ...once, behaviour: 'remove-on-hit' });
    expect(await alerts.recordHit(removable.id, { at: 1000, message: 'a', valueMicros: null })).toMatchObject({ row: null, hit: { alert_id: removable.id } });
    expect(await alerts.get(alice, removable.id)).toBeUndefined();
    expect(await alerts.hits(alice, removable.id, 10)).toEqual([]);
  });

  it('moves a prompt alert through its stages, refusing to leave accomplished', async () => {
    const prompts = new PromptAlertsRepository(fixture.db(), () => 5);
    const row = await prompts.create(alice, 'SPX crosses 5000', { conditions: [{ symbol: 'SPX', metric: 'price', comparator: 'crosses', target: { kind: 'number', value: 5000 }, warnWithinPercent: 0.25 }] });
    expect(await prompts.setStage(row.id, 'warning', 10)).toMatchObject({ row: { stage: 'warning', stage_changed_at: 10 } });
    expect(await prompts.setStage(row.id, 'accomplished', 20)).toMatchObject({ row: { stage: 'accomplished', stage_changed_at: 20 } });
    expect(await prompts.setStage(row.id, 'watching', 30)).toMatchObject({ refused: 'accomplished' });
    expect(await prompts.enabledPage({ userId: alice, limit: 10 })).toHaveLength(1);
    expect(await prompts.get(bob, row.id)).toBeUndefined();
  });
});
