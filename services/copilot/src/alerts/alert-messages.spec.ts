import { describe, expect, it } from 'vitest';
import { positionMessage } from './alert-messages.js';
import { greeksAlert, pnlAlert, spreadDebitAlert } from './positions/position-alert.fixtures.js';

describe(positionMessage.name, () => {
  it('names the position, what reached its target and the mark it reached it at', () => {
    expect(positionMessage(spreadDebitAlert({ target: 5, direction: 'above' }), 'Call vertical', 5.4)).toBe('Call vertical spread reached 5 (at 5.4)');
    expect(positionMessage(pnlAlert({ target: -300, direction: 'below' }), 'vertical SPX', -312.456)).toBe('vertical SPX P&L fell to -300 (at -312.46)');
    expect(positionMessage(greeksAlert({ greek: 'delta', op: 'above', value: 0.95 }), 'Long call', 0.971234567)).toBe('Long call delta above 0.95 (at 0.9712)');
  });

  it('leads with the trader\'s label', () => {
    expect(positionMessage(pnlAlert({ label: 'Take profit', target: 500, direction: 'cross' }), 'vertical SPX', 501)).toBe('Take profit: vertical SPX P&L crossed 500 (at 501)');
  });
});
