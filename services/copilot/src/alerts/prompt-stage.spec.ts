import { describe, expect, it } from 'vitest';
import type { PromptAlertCondition, PromptAlertRule } from '@marketswarm/shared/dto';
import { conditionState, nextStage, ruleStage, type ConditionReading } from './prompt-stage.js';

const spxAbove5000: PromptAlertCondition = { symbol: 'SPX', metric: 'price', comparator: 'above', target: { kind: 'number', value: 5000 }, warnWithinPercent: 0.25 };
const read = (current: number | undefined, previous?: number, close?: number, target: number | undefined = 5000): ConditionReading => ({ current, previous, close, target });

describe(conditionState.name, () => {
  it('warns from 4987.5 for SPX above 5000 (0.25 % of 5000 = 12.5) and holds at 5000', () => {
    expect(conditionState(spxAbove5000, read(4987.4))).toBe('far');
    expect(conditionState(spxAbove5000, read(4987.5))).toBe('near');
    expect(conditionState(spxAbove5000, read(5000))).toBe('holds');
  });

  it('holds a cross only on the tick that moved through the target', () => {
    const crosses = { ...spxAbove5000, comparator: 'crosses' } as const;
    expect(conditionState(crosses, read(5005, 4995))).toBe('holds');
    expect(conditionState(crosses, read(5010, 5005))).toBe('near');
  });

  it('holds a close condition only with the session close, and warns on the price before it', () => {
    const closes = { ...spxAbove5000, metric: 'close' } as const;
    expect(conditionState(closes, read(5010, 5005))).toBe('near');
    expect(conditionState(closes, read(5010, 5005, 5004))).toBe('holds');
  });

  it('cannot hold or warn while its GEX level is unknown', () => {
    expect(conditionState({ ...spxAbove5000, target: { kind: 'level', level: 'call-wall' } }, { current: 5000, previous: 4990, close: undefined, target: undefined })).toBe('far');
  });
});

describe(ruleStage.name, () => {
  const rule: PromptAlertRule = { conditions: [spxAbove5000, { symbol: 'VIX', metric: 'price', comparator: 'below', target: { kind: 'number', value: 15 }, warnWithinPercent: 0.25 }] };

  it('is accomplished when every condition holds, warning when each holds or is near, else watching', () => {
    expect(ruleStage(rule, [read(5001), read(14, 14, undefined, 15)])).toBe('accomplished');
    expect(ruleStage(rule, [read(4990), read(14, 14, undefined, 15)])).toBe('warning');
    expect(ruleStage(rule, [read(4990), read(20, 20, undefined, 15)])).toBe('watching');
  });
});

describe(nextStage.name, () => {
  it('moves only forward', () => {
    expect(nextStage('watching', 'warning')).toBe('warning');
    expect(nextStage('watching', 'accomplished')).toBe('accomplished');
    expect(nextStage('warning', 'warning')).toBeUndefined();
    expect(nextStage('warning', 'watching')).toBeUndefined();
  });
});
