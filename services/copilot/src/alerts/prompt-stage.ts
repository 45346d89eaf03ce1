import type { PromptAlertCondition, PromptAlertRule, PromptAlertStage } from '@marketswarm/shared/dto';

/** What one condition's subject did on this tick. */
export interface ConditionReading {
  /** The subject now: the last price (also for `close`, to warn before the close), or the P&L. */
  current: number | undefined;
  /** The subject before this tick, for `crosses` and `reaches`. */
  previous: number | undefined;
  /** `close` only: the session close, on the tick that passed it; undefined otherwise. */
  close: number | undefined;
  /** The target's value (a GEX level resolved from the symbol's latest model); undefined while unknown. */
  target: number | undefined;
}

export type ConditionState = 'holds' | 'near' | 'far';

const STAGE_ORDER: Record<PromptAlertStage, number> = { watching: 0, warning: 1, accomplished: 2 };

/**
 * One condition: `above`/`below` at or beyond the target; `crosses` moved through it since the
 * previous reading; `reaches` touched it since then. A `close` condition holds only on the tick
 * that passed the session close. `near` is within `warnWithinPercent` of the target on the side
 * not yet crossed.
 */
export function conditionState(condition: PromptAlertCondition, reading: ConditionReading): ConditionState {
  const { target, current, previous } = reading;
  if (target === undefined || current === undefined) return 'far';
  const value = condition.metric === 'close' ? reading.close : current;
  if (value !== undefined && holds(condition.comparator, target, previous, value)) return 'holds';
  const distance = (Math.abs(target) * condition.warnWithinPercent) / 100;
  switch (condition.comparator) {
    case 'above':
      return current < target && target - current <= distance ? 'near' : current >= target ? 'near' : 'far';
    case 'below':
      return current > target && current - target <= distance ? 'near' : current <= target ? 'near' : 'far';
    case 'crosses':
    case 'reaches':
      return Math.abs(current - target) <= distance ? 'near' : 'far';
  }
}

function holds(comparator: PromptAlertCondition['comparator'], target: number, previous: number | undefined, value: number): boolean {
  switch (comparator) {
    case 'above':
      return value >= target;
    case 'below':
      return value <= target;
    case 'crosses':
      return previous !== undefined && ((previous < target && value >= target) || (previous > target && value <= target));
    case 'reaches':
      if (previous === undefined) return value === target;
      return (previous <= target && value >= target) || (previous >= target && value <= target);
  }
}

/** Every condition holds: accomplished; every one holds or is near: warning; otherwise watching. */
export function ruleStage(rule: PromptAlertRule, readings: readonly ConditionReading[]): PromptAlertStage {
  const states = rule.conditions.map((condition, i) => conditionState(condition, readings[i] ?? { current: undefined, previous: undefined, close: undefined, target: undefined }));
  if (states.every((s) => s === 'holds')) return 'accomplished';
  if (states.every((s) => s !== 'far')) return 'warning';
  return 'watching';
}

/** The stage to report, if any: stages move only forward, and accomplished is final. */
export function nextStage(current: PromptAlertStage, computed: PromptAlertStage): PromptAlertStage | undefined {
  return STAGE_ORDER[computed] > STAGE_ORDER[current] ? computed : undefined;
}
