import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServiceProcess, type ServiceProcess, type SignedInAccount } from '@marketswarm/shared/testing';
import { ALERT_SYNC_STREAM } from '@marketswarm/shared/dto';
import { ALERTS_LEADER_KEY, ALERTS_OUTBOX_KEY, ALERTS_STATE_KEY } from './alert-keys.js';
import { eventually, startAlertEngineHarness, type AlertEngineHarness } from './testing/alert-engine-harness.js';
import { CALL_VERTICAL, recordedTiles } from './testing/recorded-chain.js';

type Json = Record<string, unknown>;

/** A lease short enough that a standby takes over in seconds (the default is 10 s). */
const LEASE_MS = '3000';

/** The real copilot (`services/copilot/dist/main.js`, every module), built: `npx tsc -b tsconfig.build.json`. */
interface Copilot {
  process: ServiceProcess;
  exited: Promise<unknown>;
  kill(): Promise<void>;
}

/**
 * Exactly once across crashes and instances, with the real copilot as a process (MEL, commentary,
 * sockets and all, the lease shortened by MS_COPILOT_ALERTS_LEASE_MS): a copilot killed right after the
 * journal accepted a hit (before the event went out) is restarted and every alert has fired exactly
 * once — none twice, none missed — in the journal's history and on the `alerts` stream; and two
 * copilots running side by side never publish a hit twice, a standby taking over when the leader dies.
 */
describe('AlertEngine across restarts', () => {
  let h: AlertEngineHarness;
  let alice: SignedInAccount;
  let bob: SignedInAccount;
  const running = new Set<Copilot>();
  let clock = Date.now();
  const at = () => (clock += 1000);

  const startEngine = async (env: Record<string, string> = {}): Promise<Copilot> => {
    const process = await startServiceProcess({ dir: 'services/copilot', env: { ...h.redis.env, MS_JOURNAL_URL: h.journal.url, MS_COPILOT_ALERTS_LEASE_MS: LEASE_MS, ...env } });
    const { child } = process;
    const exited = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', resolve));
    const copilot: Copilot = {
      process,
      exited,
      kill: async () => {
        if (child.exitCode === null && child.signalCode === null) await process.kill();
        running.delete(copilot);
      },
    };
    running.add(copilot);
    return copilot;
  };
  const createAlert = async (who: SignedInAccount, body: Json): Promise<string> => {
    const answer = await h.call<Json>(who, 'POST', '/api/alerts', body);
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    return String(answer.body['id']);
  };
  const hitsOf = async (who: SignedInAccount, id: string) => ((await h.call<{ hits?: Json[] }>(who, 'GET', `/api/alerts/${id}/history`)).body.hits ?? []).length;
  const eventsOf = async (id: string) => (await h.alertEvents()).filter((e) => e.data['alertId'] === id);

  beforeAll(async () => {
    h = await startAlertEngineHarness();
    alice = await h.account('alice@example.com');
    bob = await h.account('bob@example.com');
  });

  afterAll(async () => {
    for (const engine of [...running]) await engine.kill();
    await h?.stop();
  });

  it('fires every alert exactly once when the copilot is killed between the journal\'s hit and the event', { timeout: 60_000 }, async () => {
    const ids = [
      { who: alice, id: await createAlert(alice, { kind: 'price', symbol: 'SPX', level: 5010, direction: 'above' }) },
      { who: alice, id: await createAlert(alice, { kind: 'price', symbol: 'SPX', level: 5020, direction: 'above', behaviour: 'remove-on-hit' }) },
      { who: bob, id: await createAlert(bob, { kind: 'price', symbol: 'SPX', level: 5030, direction: 'above' }) },
    ];
    const crashing = await startEngine({ MS_COPILOT_ALERTS_CRASH: 'after-hit' });
    await eventually('the first engine to lead', async () => (await h.system.exists(ALERTS_LEADER_KEY)) === 1);
    await h.tick('SPX', 5000, at());
    await h.tick('SPX', 5040, at()); // through all three levels at once
    await crashing.exited; // killed by the fault injection right after the journal accepted the first hit
    running.delete(crashing);
    expect(await h.system.hlen(ALERTS_OUTBOX_KEY)).toBeGreaterThan(0);
    expect(await h.alertEvents()).toHaveLength(0);

    // The lease of the killed process lapses; the restarted one drains the outbox and catches up.
    const restarted = await startEngine();
    await eventually('every alert to be published', async () => (await h.alertEvents()).length >= 3, 30_000);
    await h.tick('SPX', 5050, at());
    await h.tick('SPX', 4990, at());
    await h.tick('SPX', 5050, at());
    await eventually('the outbox to empty', async () => (await h.system.hlen(ALERTS_OUTBOX_KEY)) === 0);
    for (const { id } of ids) expect((await eventsOf(id)).length, id).toBe(1);
    const [first, , third] = ids;
    expect(await hitsOf(alice, first?.id ?? '')).toBe(1);
    expect(await hitsOf(bob, third?.id ?? '')).toBe(1);
    expect((await eventsOf(third?.id ?? ''))[0]?.user).toBe(bob.userId);
    await restarted.kill();
  });

  it('publishes each hit once with two copilots running, and the standby takes over when the leader dies', { timeout: 60_000 }, async () => {
    const first = await startEngine();
    const second = await startEngine();
    const a = await createAlert(alice, { kind: 'price', symbol: 'NDX', level: 17_000, direction: 'cross', behaviour: 'repeat', cooldownSec: 10 });
    const b = await createAlert(bob, { kind: 'price', symbol: 'NDX', level: 17_005, direction: 'above' });
    await eventually('a leader', async () => (await h.system.exists(ALERTS_LEADER_KEY)) === 1, 20_000);
    // The leader has applied the sync entries of the new alerts once its committed cursor reaches the stream's end.
    const lastSync = (await h.system.xrevrange(ALERT_SYNC_STREAM, '+', '-', 'COUNT', 1))[0]?.[0];
    await eventually('the leader to load the new alerts', async () => (await h.system.hget(ALERTS_STATE_KEY, `cursor:${ALERT_SYNC_STREAM}`)) === lastSync, 20_000);
    await h.tick('NDX', 16_990, at());
    await h.tick('NDX', 17_010, at());
    await eventually('both alerts to fire', async () => (await eventsOf(a)).length === 1 && (await eventsOf(b)).length === 1, 20_000);

    // Kill both in turn: whichever leads dies, the other (or a new one) resumes from the shared state.
    await first.kill();
    clock += 15_000; // past the repeating alert's cooldown
    await h.tick('NDX', 16_990, at());
    await h.tick('NDX', 17_010, at());
    await eventually('the repeating alert to fire again', async () => (await eventsOf(a)).length === 2, 30_000);
    await second.kill();
    expect((await eventsOf(a)).length).toBe(2);
    expect((await eventsOf(b)).length).toBe(1);
    expect(await hitsOf(alice, a)).toBe(2);
  });

  it('fires a position alert whose spread moved through its target while no copilot ran, once, after the restart', { timeout: 60_000 }, async () => {
    const committed = async (stream: string) => {
      const last = (await (stream === heatmapStream ? h.market : h.system).xrevrange(stream, '+', '-', 'COUNT', 1))[0]?.[0];
      await eventually(`the engine to commit ${stream}`, async () => (await h.system.hget(ALERTS_STATE_KEY, `cursor:${stream}`)) === last, 20_000);
    };
    const heatmapStream = h.truth.topics['heatmap']?.stream ?? '';
    const saved = await h.call<Json>(alice, 'POST', '/api/journal/positions', { name: 'Call vertical', symbol: 'SPX', legs: CALL_VERTICAL, quantity: 1, entryPrice: 4.3 });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    const id = await createAlert(alice, { kind: 'spread-debit', positionId: String(saved.body['id']), target: 5, direction: 'cross' });
    const first = recordedTiles(12.4); // the vertical at 4.30
    await h.heatmap('SPX', 1, first, undefined, at());
    const copilot = await startEngine();
    await eventually('a leader', async () => (await h.system.exists(ALERTS_LEADER_KEY)) === 1, 20_000);
    await committed(ALERT_SYNC_STREAM);
    await committed(heatmapStream);
    await eventually('the first mark', async () => (await h.system.hget(ALERTS_STATE_KEY, `mark:${id}`)) === '4.3', 20_000);
    await copilot.kill();

    // Through the target and on while nobody evaluates: 5.40, then 5.50.
    const second = recordedTiles(13.5);
    await h.heatmap('SPX', 2, second, first, at());
    await h.heatmap('SPX', 3, recordedTiles(13.6), second, at());
    const restarted = await startEngine();
    await eventually('the missed cross to fire', async () => (await eventsOf(id)).length > 0, 30_000);
    await committed(heatmapStream);
    expect((await eventsOf(id)).map((e) => e.data['value'])).toEqual([5.5]);
    expect(await hitsOf(alice, id)).toBe(1);
    await restarted.kill();
  });
});
