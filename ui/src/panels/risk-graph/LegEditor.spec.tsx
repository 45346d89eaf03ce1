import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LegEditor } from './LegEditor';

const CLOSE = Date.UTC(2026, 0, 2, 21);
const legs = [
  { type: 'call' as const, strike: 4990, expiry: CLOSE, quantity: 1, entryPrice: 14.2 },
  { type: 'call' as const, strike: 5000, expiry: CLOSE, quantity: -2, entryPrice: 8.1 },
  { type: 'call' as const, strike: 5010, expiry: CLOSE, quantity: 1, entryPrice: 4.3 },
];

describe('LegEditor', () => {
  const html = renderToStaticMarkup(<LegEditor name="SPX butterfly call 5000 ±10" legs={legs} onApply={() => undefined} onClose={() => undefined} />);

  it('shows one row per leg with its call/put, strike, expiry date, quantity and price', () => {
    expect(html).toContain('data-testid="rg-leg-editor"');
    expect(html.match(/data-testid="rg-leg-row"/g)).toHaveLength(3);
    expect(html).toMatch(/type="date"[^>]*value="2026-01-02"/);
    expect(html).toMatch(/data-field="ratio"[^>]*value="-2"|value="-2"[^>]*data-field="ratio"/);
    expect(html).toContain('value="14.2"');
    // Net debit 14.20 − 16.20 + 4.30 = 2.30.
    expect(html).toContain('net debit 2.30');
  });

  it('names every input and remove button by its leg and position', () => {
    expect(html).toContain('>Strike of leg 2 of SPX butterfly call 5000 ±10</label>');
    expect(html).toContain('aria-label="Remove leg 3 of SPX butterfly call 5000 ±10"');
  });
});
