import { describe, expect, it } from 'vitest';
import { fitsSendBudget } from './send-budget.js';

describe(fitsSendBudget.name, () => {
  it('queues a frame while buffer and frame together stay within the budget', () => {
    expect(fitsSendBudget(0, 100, 1000)).toBe(true);
    expect(fitsSendBudget(900, 100, 1000)).toBe(true);
  });

  it('refuses a frame that would take the buffer past the budget (the client is too slow)', () => {
    expect(fitsSendBudget(901, 100, 1000)).toBe(false);
    expect(fitsSendBudget(5000, 1, 1000)).toBe(false);
  });

  it('always takes a frame on an empty buffer, even one larger than the budget', () => {
    expect(fitsSendBudget(0, 5000, 1000)).toBe(true);
    expect(fitsSendBudget(1, 5000, 1000)).toBe(false);
  });
});
