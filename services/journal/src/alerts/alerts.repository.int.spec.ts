import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { describeOnBothDialects } from '../database/testing/describe-on-both-dialects.js';
import { PromptAlertsRepository } from '../prompt-alerts/prompt-alerts.repository.js';
import { storedDefinition } from './alert-definition.js';
import { AlertsRepository, HIT_RECEIPT_RETENTION_MS, type AlertCommon, type AppliedHit } from './alerts.repository.js';

const once: AlertCommon = { label: null, behaviour: 'once', cooldownSec: null, enabled: true };
const spx = storedDefinition({ kind: 'price', symbol: 'SPX', level: 5000.5, direction: 'above', source: 'manual', behaviour: 'once', enabled: true });

/**
 * Migration 0007 and the alert SQL on both dialects: scoping, paging, a hit's behaviour applied by
 * exactly one of several evaluators reporting it at once, prompt-alert stages moving only forward,
 * and alerts whose saved position or trade is gone.
 */
describeOnBothDialects(AlertsRepository.name, (fixture) => {
  let alerts: AlertsRepository;
  let alice: string;
  let bob: string;

  beforeEach(() => {
    alerts = new AlertsRepository(fixture.db(), () => Date.UTC(2026, 11, 7));
    alice = randomUUID();
    bob = randomUUID();
  });

  const savePosition = async (userId: string): Promise<string> => {
    const id = randomUUID();
    await fixture.db().insertInto('saved_positions').values({ id, user_id: userId, name: 'SPX vertical', symbol: 'SPX', legs: '[]', quantity: 1, entry_price_micros: 4_500_000, source_kind: null, source_key: null, created_at: 1, updated_at: 1 }).execute();
    return id;
  };
  const saveTrade = async (userId: string): Promise<string> => {
    const logId = randomUUID();
    const id = randomUUID();
    await fixture.db().insertInto('trade_logs').values({ id: logId, user_id: userId, name: 'Main', currency: 'USD', starting_capital_micros: 0, is_default: 1, archived_at: null, created_at: 1, updated_at: 1 }).execute();
    await fixture
      .db()
      .insertInto('trades')
      .values({ id, user_id: userId, log_id: logId, symbol: 'SPX', strategy: 'vertical', side: 'long', quantity_micros: 1_000_000, opened_at: 1, closed_at: null, status: 'open', gross_micros: 0, fees_micros: 0, net_micros: 0, risk_micros: null, notes: '', market_at_entry: null, group_key: null, group_hash: null, computed_risk_micros: null, created_at: 1, updated_at: 1 })
      .execute();
    return id;
  };
  const onPosition = (positionId: string) => storedDefinition({ kind: 'spread-debit', positionId, target: 6.2, direction: 'above', behaviour: 'once', enabled: true });
  const onTrade = (tradeId: string) => storedDefinition({ kind: 'position-pnl', tradeId, target: -250, direction: 'below', behaviour: 'once', enabled: true });
  /** Fires the same hit from several evaluators at once; how many were applied and refused. */
  const race = async (alertId: string, at: number, evaluators = 6) => {
    const outcomes = await Promise.all(Array.from({ length: evaluators }, (_, n) => alerts.recordHit(alertId, { at, message: `evaluator ${n}`, valueMicros: null })));
    return { applied: outcomes.filter((o) => o !== undefined && 'hit' in o), refused: outcomes.filter((o) => o !== undefined && 'refused' in o).map((o) => (o as { refused: string }).refused), gone: outcomes.filter((o) => o === undefined).length };
  };

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

  it("counts a user's stored alerts and prompt alerts, enabled or not, and no one else's", async () => {
    const prompts = new PromptAlertsRepository(fixture.db(), () => 5);
    expect(await alerts.count(alice)).toBe(0);
    await alerts.create(alice, spx, once);
    await alerts.create(alice, spx, { ...once, enabled: false });
    await alerts.create(bob, spx, once);
    await prompts.create(alice, 'SPX crosses 5000', { conditions: [{ symbol: 'SPX', metric: 'price', comparator: 'crosses', target: { kind: 'number', value: 5000 }, warnWithinPercent: 0.25 }] });
    expect(await alerts.count(alice)).toBe(2);
    expect(await alerts.count(bob)).toBe(1);
    expect(await prompts.count(alice)).toBe(1);
    expect(await prompts.count(bob)).toBe(0);
  });

  it('pages enabled alerts by id for the evaluator', async () => {
    const rows = [await alerts.create(alice, spx, once), await alerts.create(alice, spx, once), await alerts.create(alice, spx, { ...once, enabled: false })];
    const enabled = rows.slice(0, 2).map((r) => r.id).sort();
    const first = await alerts.enabledPage({ userId: alice, limit: 1 });
    const second = await alerts.enabledPage({ userId: alice, cursor: first[0]?.id, limit: 1 });
    expect([...first, ...second].map((r) => r.id)).toEqual(enabled);
    expect(await alerts.enabledPage({ userId: alice, cursor: second[0]?.id, limit: 1 })).toEqual([]);
  });

  it('applies the behaviour of a hit: once disables, repeat waits out its cooldown, remove-on-hit removes it and keeps its hit', async () => {
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
    expect((await alerts.hits(alice, removable.id, 10)).map((h) => h.message)).toEqual(['a']);
  });

  it('leaves an alert its hit removed out of every read and change of live alerts, and out of the count toward the limit', async () => {
    const kept = await alerts.create(alice, spx, once);
    const removable = await alerts.create(alice, spx, { ...once, behaviour: 'remove-on-hit' });
    expect(await alerts.count(alice)).toBe(2);
    await alerts.recordHit(removable.id, { at: 1000, message: 'a', valueMicros: null });
    expect((await alerts.list(alice)).map((a) => a.id)).toEqual([kept.id]);
    expect(await alerts.count(alice)).toBe(1);
    expect(await alerts.get(alice, removable.id)).toBeUndefined();
    expect(await alerts.update(alice, removable.id, spx, once)).toBeUndefined();
    expect(await alerts.setEnabled(alice, removable.id, true)).toBeUndefined();
    expect((await alerts.enabledPage({ userId: alice, limit: 10 })).map((a) => a.id)).toEqual([kept.id]);
    expect(await alerts.recordHit(removable.id, { at: 2000, message: 'b', valueMicros: null })).toBeUndefined();
    // The user's DELETE finds nothing to delete: the alert is gone for them, its hit is history.
    expect(await alerts.remove(alice, removable.id)).toBe(false);
    expect((await alerts.hits(alice, removable.id, 10)).map((h) => h.message)).toEqual(['a']);
  });

  it("lists the user's most recent hits across their alerts, removed ones included, newest first, with each alert's label and kind", async () => {
    const labelled = await alerts.create(alice, spx, { ...once, label: 'SPX 5k', behaviour: 'repeat', cooldownSec: 10 });
    const removable = await alerts.create(alice, storedDefinition({ kind: 'trailing-stop', symbol: 'SPX', side: 'long', trail: 10, trailUnit: 'points', behaviour: 'remove-on-hit', enabled: true }), { ...once, behaviour: 'remove-on-hit' });
    const deleted = await alerts.create(alice, spx, once);
    const bobs = await alerts.create(bob, spx, once);
    await alerts.recordHit(labelled.id, { at: 1000, message: 'first', valueMicros: 5_000_000_000 });
    await alerts.recordHit(removable.id, { at: 2000, message: 'trailed', valueMicros: null });
    await alerts.recordHit(labelled.id, { at: 30_000, message: 'again', valueMicros: null });
    await alerts.recordHit(deleted.id, { at: 40_000, message: 'deleted later', valueMicros: null });
    await alerts.recordHit(bobs.id, { at: 50_000, message: 'not alice', valueMicros: null });
    expect(await alerts.remove(alice, deleted.id)).toBe(true);
    const recent = await alerts.recentHits(alice, 10);
    expect(recent.map((h) => [h.message, h.alert_id, h.label, h.kind, h.at])).toEqual([
      ['again', labelled.id, 'SPX 5k', 'price', 30_000],
      ['trailed', removable.id, null, 'trailing-stop', 2000],
      ['first', labelled.id, 'SPX 5k', 'price', 1000],
    ]);
    expect(recent[2]).toMatchObject({ value_micros: 5_000_000_000, user_id: alice });
    expect((await alerts.recentHits(alice, 2)).map((h) => h.message)).toEqual(['again', 'trailed']);
    expect((await alerts.recentHits(bob, 10)).map((h) => h.message)).toEqual(['not alice']);
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

  it('counts a hit of a once alert reported by several evaluators at once exactly once', async () => {
    const single = await alerts.create(alice, spx, once);
    const { applied, refused } = await race(single.id, 1000);
    expect(applied).toHaveLength(1);
    expect(refused).toEqual(Array(5).fill('disabled'));
    expect(await alerts.get(alice, single.id)).toMatchObject({ enabled: 0, hit_count: 1 });
    expect(await alerts.hits(alice, single.id, 10)).toHaveLength(1);
  });

  it('lets one of several simultaneous hits of a repeating alert through its cooldown', async () => {
    const repeating = await alerts.create(alice, spx, { ...once, behaviour: 'repeat', cooldownSec: 10 });
    expect((await race(repeating.id, 1000)).applied).toHaveLength(1);
    const later = await race(repeating.id, 11_000);
    expect(later.applied).toHaveLength(1);
    expect(later.refused).toEqual(Array(5).fill('cooldown'));
    expect(await alerts.get(alice, repeating.id)).toMatchObject({ enabled: 1, hit_count: 2, last_fired_at: 11_000 });
    expect(await alerts.hits(alice, repeating.id, 10)).toHaveLength(2);
  });

  it('removes a remove-on-hit alert for exactly one of several simultaneous hits; the others find it gone', async () => {
    const removable = await alerts.create(alice, spx, { ...once, behaviour: 'remove-on-hit' });
    const { applied, gone } = await race(removable.id, 1000);
    expect(applied).toEqual([{ hit: expect.objectContaining({ alert_id: removable.id, user_id: alice, at: 1000 }) as unknown, row: null }]);
    expect(gone).toBe(5);
    expect(await alerts.get(alice, removable.id)).toBeUndefined();
  });

  it('keeps the last hit time when a hit reported late still passes the cooldown', async () => {
    const repeating = await alerts.create(alice, spx, { ...once, behaviour: 'repeat', cooldownSec: 10 });
    await alerts.recordHit(repeating.id, { at: 50_000, message: 'a', valueMicros: null });
    expect(await alerts.recordHit(repeating.id, { at: 40_000, message: 'late', valueMicros: null })).toMatchObject({ refused: 'cooldown' });
    expect(await alerts.recordHit(repeating.id, { at: 60_000, message: 'b', valueMicros: null })).toMatchObject({ row: { hit_count: 2, last_fired_at: 60_000 } });
  });

  it('moves a prompt alert forward only, once for several evaluators reporting the same stage at once', async () => {
    const prompts = new PromptAlertsRepository(fixture.db(), () => 5);
    const row = await prompts.create(alice, 'SPX crosses 5000', { conditions: [{ symbol: 'SPX', metric: 'price', comparator: 'crosses', target: { kind: 'number', value: 5000 }, warnWithinPercent: 0.25 }] });
    const warned = await Promise.all(Array.from({ length: 6 }, (_, n) => prompts.setStage(row.id, 'warning', 10 + n)));
    expect(warned.filter((o) => o !== undefined && !('refused' in o))).toHaveLength(1);
    expect(warned.filter((o) => o !== undefined && 'refused' in o && o.refused === 'not-forward')).toHaveLength(5);
    expect(await prompts.setStage(row.id, 'watching', 30)).toMatchObject({ refused: 'not-forward', row: { stage: 'warning' } });
    const done = await Promise.all([prompts.setStage(row.id, 'accomplished', 40), prompts.setStage(row.id, 'accomplished', 41)]);
    expect(done.filter((o) => o !== undefined && !('refused' in o))).toHaveLength(1);
    expect(done.filter((o) => o !== undefined && 'refused' in o && o.refused === 'accomplished')).toHaveLength(1);
    expect(await prompts.setStage(randomUUID(), 'warning', 50)).toBeUndefined();
  });

  it('moves a watching prompt alert straight to accomplished', async () => {
    const prompts = new PromptAlertsRepository(fixture.db(), () => 5);
    const row = await prompts.create(alice, 'SPX crosses 5000', { conditions: [{ symbol: 'SPX', metric: 'price', comparator: 'crosses', target: { kind: 'number', value: 5000 }, warnWithinPercent: 0.25 }] });
    expect(await prompts.setStage(row.id, 'accomplished', 10)).toEqual({ row: expect.objectContaining({ stage: 'accomplished', stage_changed_at: 10 }) as unknown });
  });

  it("leaves alerts whose saved position or trade is gone out of the evaluator's pages", async () => {
    const [position, trade, kept] = [await savePosition(alice), await saveTrade(alice), await savePosition(alice)];
    const onGonePosition = await alerts.create(alice, onPosition(position), once);
    const onGoneTrade = await alerts.create(alice, onTrade(trade), once);
    const onKept = await alerts.create(alice, onPosition(kept), once);
    const onSymbol = await alerts.create(alice, spx, once);
    const everyone = async () => (await alerts.enabledPage({ limit: 1000 })).map((r) => r.id);
    expect(await everyone()).toEqual(expect.arrayContaining([onGonePosition.id, onGoneTrade.id, onKept.id, onSymbol.id]));
    await fixture.db().deleteFrom('saved_positions').where('id', '=', position).execute();
    await fixture.db().deleteFrom('trades').where('id', '=', trade).execute();
    expect((await alerts.enabledPage({ userId: alice, limit: 10 })).map((r) => r.id).sort()).toEqual([onKept.id, onSymbol.id].sort());
    expect(await everyone()).not.toContain(onGonePosition.id);
    expect(await everyone()).not.toContain(onGoneTrade.id);
  });

  it("deletes only the user's alerts on the given saved positions and trades, in chunks", async () => {
    const [position, trade, kept] = [await savePosition(alice), await saveTrade(alice), await savePosition(alice)];
    const gone = [await alerts.create(alice, onPosition(position), once), await alerts.create(alice, onTrade(trade), once), await alerts.create(alice, onPosition(position), once)];
    const onKept = await alerts.create(alice, onPosition(kept), once);
    const bobs = await alerts.create(bob, onPosition(position), once);
    const manyIds = [...Array.from({ length: 1200 }, () => randomUUID()), position];
    expect((await alerts.removeByTargets(alice, { positionIds: manyIds, tradeIds: [trade] })).sort()).toEqual(gone.map((a) => a.id).sort());
    expect((await alerts.list(alice)).map((a) => a.id)).toContain(onKept.id);
    expect((await alerts.list(alice)).map((a) => a.id)).not.toContain(gone[0]?.id);
    expect(await alerts.get(bob, bobs.id)).toBeDefined();
    expect(await alerts.removeByTargets(alice, {})).toEqual([]);
  });

  it('deletes an alert its hit removed with its target too, without naming it again as deleted', async () => {
    const position = await savePosition(alice);
    const removed = await alerts.create(alice, onPosition(position), { ...once, behaviour: 'remove-on-hit' });
    const live = await alerts.create(alice, onPosition(position), once);
    await alerts.recordHit(removed.id, { at: 1000, message: 'a', valueMicros: null });
    expect(await alerts.removeByTargets(alice, { positionIds: [position] })).toEqual([live.id]);
    expect(await fixture.db().selectFrom('alerts').select('id').where('id', '=', removed.id).executeTakeFirst()).toBeUndefined();
  });

  describe('with an idempotency key', () => {
    /** Stores what the service answers: here the hit's id and the alert's hit count, enough to tell answers apart. */
    const keyed = (key: string) => ({ key, render: (applied: AppliedHit) => JSON.stringify({ hit: applied.hit.id, hitCount: applied.row?.hit_count ?? null }) });
    const hitsOf = (alertId: string) => fixture.db().selectFrom('alert_hits').select('id').where('alert_id', '=', alertId).execute();

    it('records a key once and replays its stored answer for the same key, recording nothing more', async () => {
      const repeating = await alerts.create(alice, spx, { ...once, behaviour: 'repeat', cooldownSec: 10 });
      const key = randomUUID();
      const first = await alerts.recordHit(repeating.id, { at: 1000, message: 'a', valueMicros: null }, keyed(key));
      expect(first).toMatchObject({ hit: { alert_id: repeating.id }, row: { hit_count: 1 } });
      const stored = JSON.stringify({ hit: (first as AppliedHit).hit.id, hitCount: 1 });
      // Past the cooldown, so without the key this would be a second hit.
      expect(await alerts.recordHit(repeating.id, { at: 60_000, message: 'a again', valueMicros: null }, keyed(key))).toEqual({ replay: { alertId: repeating.id, result: stored } });
      expect(await hitsOf(repeating.id)).toHaveLength(1);
      expect(await alerts.get(alice, repeating.id)).toMatchObject({ hit_count: 1, last_fired_at: 1000 });
      expect(await alerts.recordHit(repeating.id, { at: 60_000, message: 'b', valueMicros: null }, keyed(randomUUID()))).toMatchObject({ row: { hit_count: 2 } });
    });

    it('replays the hit of a remove-on-hit alert after the alert is gone', async () => {
      const removable = await alerts.create(alice, spx, { ...once, behaviour: 'remove-on-hit' });
      const key = randomUUID();
      const first = (await alerts.recordHit(removable.id, { at: 1000, message: 'a', valueMicros: null }, keyed(key))) as AppliedHit;
      expect(first.row).toBeNull();
      expect(await alerts.recordHit(removable.id, { at: 1000, message: 'a', valueMicros: null }, keyed(key))).toEqual({ replay: { alertId: removable.id, result: JSON.stringify({ hit: first.hit.id, hitCount: null }) } });
      expect(await alerts.recordHit(removable.id, { at: 1000, message: 'a', valueMicros: null }, keyed(randomUUID()))).toBeUndefined();
    });

    // A repeating alert without a cooldown lets every writer's change through: only the key's primary key stops the second.
    it.each([
      ['once', once],
      ['repeat', { ...once, behaviour: 'repeat', cooldownSec: 10 }],
      ['repeat (no cooldown)', { ...once, behaviour: 'repeat', cooldownSec: null }],
      ['remove-on-hit', { ...once, behaviour: 'remove-on-hit' }],
    ] satisfies [string, AlertCommon][])('applies a %s hit sent with one key by several evaluators at once exactly once; the others replay it', async (_, common) => {
      const alert = await alerts.create(alice, spx, common);
      const key = randomUUID();
      const outcomes = await Promise.all(Array.from({ length: 6 }, (_, n) => alerts.recordHit(alert.id, { at: 1000, message: `evaluator ${n}`, valueMicros: null }, keyed(key))));
      const applied = outcomes.filter((o): o is AppliedHit => o !== undefined && 'hit' in o);
      expect(applied).toHaveLength(1);
      const stored = JSON.stringify({ hit: applied[0]?.hit.id, hitCount: applied[0]?.row?.hit_count ?? null });
      expect(outcomes.filter((o) => o !== undefined && 'replay' in o)).toEqual(Array(5).fill({ replay: { alertId: alert.id, result: stored } }));
      expect(await hitsOf(alert.id)).toHaveLength(1);
    });

    describe('in a batch', () => {
      const request = (alertId: string, at: number, key = randomUUID()) => ({ alertId, hit: { at, message: `hit at ${at}`, valueMicros: null }, receipt: keyed(key) });

      it('records the hits in order, a later hit of an alert seeing the earlier one, each with the outcome it would have alone', async () => {
        const repeating = await alerts.create(alice, spx, { ...once, behaviour: 'repeat', cooldownSec: 10 });
        const single = await alerts.create(alice, spx, once);
        const key = randomUUID();
        const outcomes = await alerts.recordHits([
          request(repeating.id, 1000),
          request(repeating.id, 10_999),
          request(repeating.id, 11_000),
          request(single.id, 1000, key),
          request(single.id, 2000, key),
          request(single.id, 3000),
          request(randomUUID(), 1000),
        ]);
        expect(outcomes[0]).toMatchObject({ row: { hit_count: 1, last_fired_at: 1000 } });
        expect(outcomes[1]).toMatchObject({ refused: 'cooldown', row: { hit_count: 1 } });
        expect(outcomes[2]).toMatchObject({ row: { hit_count: 2, last_fired_at: 11_000 } });
        expect(outcomes[3]).toMatchObject({ row: { enabled: 0, hit_count: 1 } });
        expect(outcomes[4]).toEqual({ replay: { alertId: single.id, result: JSON.stringify({ hit: (outcomes[3] as AppliedHit).hit.id, hitCount: 1 }) } });
        expect(outcomes[5]).toMatchObject({ refused: 'disabled' });
        expect(outcomes[6]).toBeUndefined();
        expect(await hitsOf(repeating.id)).toHaveLength(2);
        expect(await hitsOf(single.id)).toHaveLength(1);
      });

      it('applies each key of overlapping batches from several evaluators at once exactly once, in any order; the others replay it', async () => {
        const behaviours: AlertCommon[] = [once, { ...once, behaviour: 'repeat', cooldownSec: 10 }, { ...once, behaviour: 'repeat', cooldownSec: null }, { ...once, behaviour: 'remove-on-hit' }];
        const created = await Promise.all(Array.from({ length: 12 }, (_, n) => alerts.create(n % 2 ? alice : bob, spx, behaviours[n % behaviours.length] ?? once)));
        const tick = created.map((alert) => request(alert.id, 1000, randomUUID()));
        // Four evaluators each saw part of the tick, in their own order: forwards, backwards, odd ones, the middle.
        const batches = [tick, [...tick].reverse(), tick.filter((_, n) => n % 2 === 1), tick.slice(3, 9).reverse()];
        const answered = await Promise.all(batches.map((batch) => alerts.recordHits(batch)));
        for (const [n, { alertId, receipt }] of tick.entries()) {
          const outcomes = answered.flatMap((outcomesOfBatch, b) => outcomesOfBatch.filter((_, i) => batches[b]?.[i]?.receipt.key === receipt.key));
          const applied = outcomes.filter((o): o is AppliedHit => o !== undefined && 'hit' in o);
          expect(applied, `alert ${n}`).toHaveLength(1);
          const stored = JSON.stringify({ hit: applied[0]?.hit.id, hitCount: applied[0]?.row?.hit_count ?? null });
          expect(outcomes.filter((o) => o !== undefined && 'replay' in o), `alert ${n}`).toEqual(Array(outcomes.length - 1).fill({ replay: { alertId, result: stored } }));
          expect(await hitsOf(alertId), `alert ${n}`).toHaveLength(1);
        }
      });

      it('lets one of two batches sending one key for two different alerts at once record it; the other replays it as the first alert\'s', async () => {
        const [one, other] = [await alerts.create(alice, spx, { ...once, behaviour: 'repeat', cooldownSec: null }), await alerts.create(alice, spx, { ...once, behaviour: 'repeat', cooldownSec: null })];
        const key = randomUUID();
        const [first, second] = await Promise.all([alerts.recordHits([request(one.id, 1000, key)]), alerts.recordHits([request(other.id, 1000, key)])]);
        const outcomes = [first?.[0], second?.[0]];
        const applied = outcomes.filter((o): o is AppliedHit => o !== undefined && 'hit' in o);
        expect(applied).toHaveLength(1);
        const winner = applied[0]?.hit.alert_id;
        expect(outcomes.filter((o) => o !== undefined && 'replay' in o)).toEqual([{ replay: { alertId: winner, result: JSON.stringify({ hit: applied[0]?.hit.id, hitCount: 1 }) } }]);
        expect((await hitsOf(one.id)).length + (await hitsOf(other.id)).length).toBe(1);
      });
    });

    it('forgets a key after 7 days: it no longer replays, and pruning drops it when another key is recorded', async () => {
      const repeating = await alerts.create(alice, spx, { ...once, behaviour: 'repeat', cooldownSec: 10 });
      const key = randomUUID();
      await alerts.recordHit(repeating.id, { at: 1000, message: 'a', valueMicros: null }, keyed(key));
      const weekLater = new AlertsRepository(fixture.db(), () => Date.UTC(2026, 11, 7) + HIT_RECEIPT_RETENTION_MS + 1);
      expect(await weekLater.receipt(key)).toBeUndefined();
      await weekLater.recordHit(repeating.id, { at: 60_000, message: 'b', valueMicros: null }, keyed(randomUUID()));
      expect(await fixture.db().selectFrom('alert_hit_receipts').select('key').where('key', '=', key).executeTakeFirst()).toBeUndefined();
      expect(await weekLater.recordHit(repeating.id, { at: 120_000, message: 'c', valueMicros: null }, keyed(key))).toMatchObject({ row: { hit_count: 3 } });
    });
  });
});
