import type { InternalAlertDto, InternalPromptAlertDto } from '@marketswarm/shared/dto';
import type { CrossingLookup } from './index/crossing-index.js';

export type PriceAlert = Extract<InternalAlertDto, { kind: 'price' }>;
export type TrailingStopAlert = Extract<InternalAlertDto, { kind: 'trailing-stop' }>;
export type PositionAlert = Extract<InternalAlertDto, { kind: 'spread-debit' | 'position-pnl' | 'greeks' }>;

/**
 * Every enabled alert and prompt alert the engine evaluates, indexed the way ticks look them up:
 * price alerts in the crossing lookup, trailing stops and prompt alerts per symbol, position
 * alerts per user; and the behaviour a hit has on the local copy (a `once` or `remove-on-hit` alert
 * leaves at once, a repeating one waits out its cooldown) — the journal applies the same, and its
 * sync entry for the engine's own hit reloads nothing.
 *
 * A batch's hits change the book as they are found (a later tick of the same batch must not fire a
 * `once` alert again), but they only count once the batch is settled: `rollback()` undoes them when
 * the batch fails (its outbox write, a journal call, the commit), so the batch read again finds the
 * same hits; `settle()` keeps them.
 */
export class AlertBook {
  private readonly alerts = new Map<string, InternalAlertDto>();
  private readonly alertsByUser = new Map<string, Set<string>>();
  private readonly trailingBySymbol = new Map<string, Map<string, TrailingStopAlert>>();
  private readonly positionByUser = new Map<string, Map<string, PositionAlert>>();
  private readonly prompts = new Map<string, InternalPromptAlertDto>();
  private readonly promptsByUser = new Map<string, Set<string>>();
  private readonly promptsBySymbol = new Map<string, Map<string, InternalPromptAlertDto>>();
  /** How to undo each hit and stage of the unsettled batch, oldest first, with whose alert it was. */
  private undo: Array<{ userId: string; revert: () => void }> = [];

  constructor(private readonly crossings: CrossingLookup) {}

  /** Replaces one user's alerts and prompt alerts; answers the ids that are gone (their armed state goes too). */
  replaceUser(userId: string, alerts: readonly InternalAlertDto[], prompts: readonly InternalPromptAlertDto[]): string[] {
    const before = new Set([...(this.alertsByUser.get(userId) ?? []), ...(this.promptsByUser.get(userId) ?? [])]);
    // The journal's copy already holds what the batch's hits did to this user's alerts, or refused them.
    this.undo = this.undo.filter((step) => step.userId !== userId);
    for (const id of this.alertsByUser.get(userId) ?? []) this.removeAlert(id);
    for (const id of this.promptsByUser.get(userId) ?? []) this.removePrompt(id);
    for (const alert of alerts) if (alert.userId === userId) this.addAlert(alert);
    for (const prompt of prompts) if (prompt.userId === userId) this.addPrompt(prompt);
    return [...before].filter((id) => !this.alerts.has(id) && !this.prompts.has(id));
  }

  /**
   * Replaces everything (the full load); answers the ids that are gone. Only what differs from the
   * held copy is removed and added again: the periodic reload of 100k alerts that did not change
   * compares them and leaves the index alone, instead of rebuilding it while ticks wait.
   */
  replaceAll(alerts: readonly InternalAlertDto[], prompts: readonly InternalPromptAlertDto[]): string[] {
    const before = new Set([...this.alerts.keys(), ...this.prompts.keys()]);
    this.undo = [];
    const alertIds = new Set(alerts.map((a) => a.id));
    const promptIds = new Set(prompts.map((p) => p.id));
    for (const id of [...this.alerts.keys()]) if (!alertIds.has(id)) this.removeAlert(id);
    for (const id of [...this.prompts.keys()]) if (!promptIds.has(id)) this.removePrompt(id);
    for (const alert of alerts) {
      const held = this.alerts.get(alert.id);
      if (held !== undefined && sameFields(held, alert)) continue;
      this.removeAlert(alert.id);
      this.addAlert(alert);
    }
    for (const prompt of prompts) {
      const held = this.prompts.get(prompt.id);
      if (held !== undefined && sameFields(held, prompt)) continue;
      this.removePrompt(prompt.id);
      this.addPrompt(prompt);
    }
    return [...before].filter((id) => !this.alerts.has(id) && !this.prompts.has(id));
  }

  get(id: string): InternalAlertDto | undefined {
    return this.alerts.get(id);
  }

  /** Price alerts the move from `from` to `to` passed through, in the order the price met them, that may fire at `at`. */
  crossed(symbol: string, from: number, to: number, at: number): PriceAlert[] {
    const fired: PriceAlert[] = [];
    for (const entry of this.crossings.crossed(symbol, from, to)) {
      const alert = this.alerts.get(entry.id);
      if (alert?.kind === 'price' && mayFire(alert, at)) fired.push(alert);
    }
    return fired;
  }

  trailingStops(symbol: string): Iterable<TrailingStopAlert> {
    return this.trailingBySymbol.get(symbol)?.values() ?? [];
  }

  /** The users with at least one position alert or a prompt alert on their P&L: whose books the engine must hold. */
  bookUsers(): Set<string> {
    const users = new Set(this.positionByUser.keys());
    for (const prompt of this.prompts.values()) if (watchesPnl(prompt)) users.add(prompt.userId);
    return users;
  }

  positionAlertsOf(userId: string): Iterable<PositionAlert> {
    return this.positionByUser.get(userId)?.values() ?? [];
  }

  /** The user's prompt alerts with a condition on the P&L of their open positions. */
  pnlPromptsOf(userId: string): InternalPromptAlertDto[] {
    return [...(this.promptsByUser.get(userId) ?? [])].flatMap((id) => {
      const prompt = this.prompts.get(id);
      return prompt && watchesPnl(prompt) ? [prompt] : [];
    });
  }

  prompt(id: string): InternalPromptAlertDto | undefined {
    return this.prompts.get(id);
  }

  promptAlerts(symbol: string): Iterable<InternalPromptAlertDto> {
    return this.promptsBySymbol.get(symbol)?.values() ?? [];
  }

  /**
   * What a hit does to the local copy, before the journal's sync entry confirms it: `once` and
   * `remove-on-hit` stop evaluating, `repeat` starts its cooldown. True when the alert left the
   * book: its armed state (trailing best, previous mark) must go in the same commit.
   */
  afterHit(alertId: string, at: number): boolean {
    const alert = this.alerts.get(alertId);
    if (!alert) return false;
    if (alert.behaviour === 'repeat') {
      const before = alert.lastFiredAt;
      alert.lastFiredAt = at;
      this.undo.push({ userId: alert.userId, revert: () => void (alert.lastFiredAt = before) });
      return false;
    }
    this.removeAlert(alertId);
    this.undo.push({ userId: alert.userId, revert: () => this.addAlert(alert) });
    return true;
  }

  /** A prompt alert reached a stage; accomplished is final, so it stops evaluating (true: it left the book). */
  afterStage(promptAlertId: string, stage: InternalPromptAlertDto['stage']): boolean {
    const prompt = this.prompts.get(promptAlertId);
    if (!prompt) return false;
    if (stage === 'accomplished') {
      this.removePrompt(promptAlertId);
      this.undo.push({ userId: prompt.userId, revert: () => this.addPrompt(prompt) });
      return true;
    }
    const before = prompt.stage;
    prompt.stage = stage;
    this.undo.push({ userId: prompt.userId, revert: () => void (prompt.stage = before) });
    return false;
  }

  /** The batch's hits and stages are settled (recorded, or in the outbox for a later drain): they stay. */
  settle(): void {
    this.undo = [];
  }

  /** The batch failed before it was settled: the book is as it was before its hits and stages. */
  rollback(): void {
    for (let i = this.undo.length - 1; i >= 0; i--) this.undo[i]?.revert();
    this.undo = [];
  }

  counts(): Record<string, number> {
    const counts: Record<string, number> = { price: 0, 'spread-debit': 0, 'position-pnl': 0, greeks: 0, 'trailing-stop': 0, 'prompt-alert': this.prompts.size };
    for (const alert of this.alerts.values()) counts[alert.kind] = (counts[alert.kind] ?? 0) + 1;
    return counts;
  }

  private addAlert(alert: InternalAlertDto): void {
    if (!alert.enabled) return;
    this.alerts.set(alert.id, alert);
    indexOf(this.alertsByUser, alert.userId).add(alert.id);
    switch (alert.kind) {
      case 'price':
        this.crossings.upsert({ id: alert.id, userId: alert.userId, symbol: alert.symbol, level: alert.level, direction: alert.direction });
        break;
      case 'trailing-stop':
        mapOf(this.trailingBySymbol, alert.symbol).set(alert.id, alert);
        break;
      case 'spread-debit':
      case 'position-pnl':
      case 'greeks':
        mapOf(this.positionByUser, alert.userId).set(alert.id, alert);
        break;
    }
  }

  private removeAlert(id: string): void {
    const alert = this.alerts.get(id);
    if (!alert) return;
    this.alerts.delete(id);
    dropFrom(this.alertsByUser, alert.userId, id);
    switch (alert.kind) {
      case 'price':
        this.crossings.remove(id);
        break;
      case 'trailing-stop':
        dropFrom(this.trailingBySymbol, alert.symbol, id);
        break;
      case 'spread-debit':
      case 'position-pnl':
      case 'greeks':
        dropFrom(this.positionByUser, alert.userId, id);
        break;
    }
  }

  private addPrompt(prompt: InternalPromptAlertDto): void {
    if (!prompt.enabled || prompt.stage === 'accomplished') return;
    this.prompts.set(prompt.id, prompt);
    indexOf(this.promptsByUser, prompt.userId).add(prompt.id);
    for (const symbol of promptSymbols(prompt)) mapOf(this.promptsBySymbol, symbol).set(prompt.id, prompt);
  }

  private removePrompt(id: string): void {
    const prompt = this.prompts.get(id);
    if (!prompt) return;
    this.prompts.delete(id);
    dropFrom(this.promptsByUser, prompt.userId, id);
    for (const symbol of promptSymbols(prompt)) dropFrom(this.promptsBySymbol, symbol, id);
  }
}

/** Enabled, and out of its cooldown when it repeats. */
export function mayFire(alert: InternalAlertDto, at: number): boolean {
  if (!alert.enabled) return false;
  if (alert.behaviour !== 'repeat' || alert.lastFiredAt === null) return true;
  return at >= alert.lastFiredAt + (alert.cooldownSec ?? 0) * 1000;
}

/** A condition without a symbol is on the P&L of the user's open positions. */
export function watchesPnl(prompt: InternalPromptAlertDto): boolean {
  return prompt.rule.conditions.some((condition) => condition.symbol === null);
}

/** Field by field; nested values (a prompt alert's rule) by their JSON. */
function sameFields(a: object, b: object): boolean {
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  return keys.every((key) => {
    const x = left[key];
    const y = right[key];
    if (x === y) return true;
    return typeof x === 'object' && x !== null && typeof y === 'object' && y !== null && JSON.stringify(x) === JSON.stringify(y);
  });
}

function promptSymbols(prompt: InternalPromptAlertDto): Set<string> {
  const symbols = new Set<string>();
  for (const condition of prompt.rule.conditions) if (condition.symbol !== null) symbols.add(condition.symbol);
  return symbols;
}

function indexOf<K>(map: Map<K, Set<string>>, key: K): Set<string> {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  return set;
}

function mapOf<K, V>(map: Map<K, Map<string, V>>, key: K): Map<string, V> {
  let inner = map.get(key);
  if (!inner) {
    inner = new Map<string, V>();
    map.set(key, inner);
  }
  return inner;
}

function dropFrom<K>(map: Map<K, Set<string> | Map<string, unknown>>, key: K, id: string): void {
  const inner = map.get(key);
  if (!inner) return;
  inner.delete(id);
  if (inner.size === 0) map.delete(key);
}
