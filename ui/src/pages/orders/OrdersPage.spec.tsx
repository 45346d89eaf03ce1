import type { OrderDto } from '@marketswarm/shared/dto';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { draftFromTile, emptyDraft } from './order-form';
import { FillListView, OrderFormView, OrderListView } from './OrdersPage';

const noop = () => undefined;

const order = (patch: Partial<OrderDto>): OrderDto => ({
  id: 'o1',
  logId: 'l1',
  symbol: 'SPX',
  legs: [
    { expiry: '2026-12-07', strike: 5990, right: 'call', ratio: 1 },
    { expiry: '2026-12-07', strike: 6000, right: 'call', ratio: -2 },
    { expiry: '2026-12-07', strike: 6010, right: 'call', ratio: 1 },
  ],
  quantity: 2,
  limitPrice: 1.35,
  source: null,
  status: 'working',
  createdAt: Date.UTC(2026, 11, 7, 15, 0),
  expiresAt: Date.UTC(2026, 11, 7, 21, 0),
  closedAt: null,
  reason: null,
  fill: null,
  ...patch,
});

describe(OrderListView.name, () => {
  it('lists orders with their spread and limit, and Cancel only on working ones', () => {
    const html = renderToStaticMarkup(
      <OrderListView
        orders={[order({}), order({ id: 'o2', status: 'filled', fill: { orderId: 'o2', symbol: 'SPX', quantity: 2, price: 1.3, at: Date.UTC(2026, 11, 7, 15, 5), tradeId: 't1', pricedFrom: 'legs' } })]}
        error={undefined}
        status={undefined}
        onStatus={noop}
        onCancel={noop}
        cancellingId={undefined}
      />,
    );
    expect(html).toContain('data-testid="orders-table"');
    expect(html.match(/data-testid="order-row"/g)).toHaveLength(2);
    expect(html).toContain('+1 5990C −2 6000C +1 6010C 2026-12-07');
    expect(html).toContain('>1.35<');
    expect(html.match(/data-testid="order-cancel"/g)).toHaveLength(1);
    expect(html).toContain('data-status="filled"');
    expect(html).toMatch(/1.30 @ Dec 0?7, 10:05/);
  });

  it('marks the chosen status filter as pressed', () => {
    const html = renderToStaticMarkup(<OrderListView orders={[]} error={undefined} status="expired" onStatus={noop} onCancel={noop} cancellingId={undefined} />);
    expect(html).toContain('aria-pressed="true">expired</button>');
    expect(html).toContain('No expired orders.');
  });

  it('shows a cancel in flight and why the journal cancelled an order', () => {
    const html = renderToStaticMarkup(
      <OrderListView orders={[order({}), order({ id: 'o3', status: 'cancelled', reason: 'the tile left the heatmap' })]} error={undefined} status={undefined} onStatus={noop} onCancel={noop} cancellingId="o1" />,
    );
    expect(html).toContain('Cancelling…');
    expect(html).toContain('the tile left the heatmap');
  });

  it('says when the orders cannot be loaded', () => {
    const html = renderToStaticMarkup(<OrderListView orders={undefined} error="journal unreachable" status={undefined} onStatus={noop} onCancel={noop} cancellingId={undefined} />);
    expect(html).toContain('role="alert"');
    expect(html).toContain('journal unreachable');
  });
});

describe(OrderFormView.name, () => {
  it('renders a prefilled tile draft with its source and one row per leg', () => {
    const draft = draftFromTile('butterfly-call:0:10:6000', 'SPX', '2026-12-07')!;
    const html = renderToStaticMarkup(<OrderFormView draft={draft} errors={{}} message={undefined} submitting={false} onChange={noop} onSubmit={noop} />);
    expect(html).toContain('From heatmap tile butterfly-call:0:10:6000');
    expect(html.match(/data-testid="order-leg"/g)).toHaveLength(3);
    expect(html).toContain('value="5990"');
    expect(html).toContain('value="-2"');
    expect(html).toContain('value="2026-12-07"');
  });

  it('marks refused fields with their messages', () => {
    const html = renderToStaticMarkup(
      <OrderFormView draft={emptyDraft('2026-12-07')} errors={{ limitPrice: 'is required', 'legs.0.strike': 'must be positive' }} message="Check the highlighted fields." submitting={false} onChange={noop} onSubmit={noop} />,
    );
    expect(html).toContain('aria-invalid="true" name="limitPrice"');
    expect(html).toContain('is required');
    expect(html).toContain('must be positive');
    expect(html).toContain('Check the highlighted fields.');
  });

  it('disables the submit while placing', () => {
    const html = renderToStaticMarkup(<OrderFormView draft={emptyDraft()} errors={{}} message={undefined} submitting onChange={noop} onSubmit={noop} />);
    expect(html).toMatch(/<button type="submit" disabled="" data-testid="order-submit">Placing…<\/button>/);
  });
});

describe(FillListView.name, () => {
  it('lists fills with price and what they were priced from', () => {
    const html = renderToStaticMarkup(
      <FillListView fills={[{ orderId: 'o2', symbol: 'SPX', quantity: 1, price: -0.8, at: Date.UTC(2026, 11, 7, 15, 5), tradeId: '12345678-aaaa', pricedFrom: 'tile' }]} error={undefined} />,
    );
    expect(html).toContain('data-testid="fill-row"');
    expect(html).toContain('−0.80');
    expect(html).toContain('tile mid');
    expect(html).toContain('12345678');
  });

  it('has an empty state', () => {
    expect(renderToStaticMarkup(<FillListView fills={[]} error={undefined} />)).toContain('No fills yet.');
  });
});
