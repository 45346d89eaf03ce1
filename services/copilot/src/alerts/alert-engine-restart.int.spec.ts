import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, repoRoot, type SignedInAccount } from '@marketswarm/shared/testing';
import { ALERT_SYNC_STREAM } from '@marketswarm/shared/dto';
import { ALERTS_LEADER_KEY, ALERTS_OUTBOX_KEY, ALERTS_STATE_KEY } from './alert-keys.js';
import { eventually, startAlertEngineHarness, type AlertEngineHarness } from './testing/alert-engine-harness.js';

type Json = Record<string, unknown>;

/** A copilot running the alert engine as a real process (built: `npx tsc -b tsconfig.build.json`). */
interface EngineProcess {
  child: ChildProcess;
  exited: Promise<number | null>;
  output(): string;
  kill(): Promise<void>;
}

/**
 * Exactly once across crashes and instances, with real processes: a copilot killed right after the
 * journal accepted a hit (before the event went out) is restarted and every alert has fired exactly
 * once — none twice, none missed — in the journal's history and on the `alerts` stream; and two
 * copilots running side by side never publish a hit twice, a standby taking over when the leader dies.
 */
describe('AlertEngine across restarts', () => {
  let h: AlertEngineHarness;
  let alice: SignedInAccount;
  let bob: SignedInAccount;
  const running = new Set<EngineProcess>();
  let clock = Date.now();
  const at = () => (clock += 1000);

  const startEngine = async (env: Record<string, string> = {}): Promise<EngineProcess> => {
    const port = await freePort();
    const child = spawn(process.execPath, [path.join(repoRoot, 'services/copilot/dist/alerts/testing/alert-engine-process.js')], {
      cwd: repoRoot,
      env: { PATH: process.env['PATH'] ?? '', LOG_LEVEL: 'warn', ...h.redis.env, MS_JOURNAL_URL: h.journal.url, PORT: String(port), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const engine: EngineProcess = {
      child,
      exited,
      output: () => output,
      kill: async () => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
        await exited;
        running.delete(engine);
      },
    };
    running.add(engine);
    await eventually('the engine process to answer /health', async () => {
      if (child.exitCode !== null) throw new Error(`engine exited: ${output}`);
      return fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false);
    }, 20_000);
    return engine;
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

  it('fires every alert exactly once when the copilot is killed between the journal\'s hit and the event', { timeout: 90_000 }, async () => {
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

  it('publishes each hit once with two copilots running, and the standby takes over when the leader dies', { timeout: 90_000 }, async () => {
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
});
