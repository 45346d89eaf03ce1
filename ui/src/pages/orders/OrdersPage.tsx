import { ORDER_STATUSES, type OrderDto, type OrderFillDto, type OrderStatus } from '@marketswarm/shared/dto';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import type { FieldErrors } from '../../auth/form-issues';
import { ErrorLine, Field, FieldError, FormStatus } from '../../components/page-feedback';
import { useFormFeedback } from '../../components/use-form-feedback';
import { formatAmount, formatTime } from '../../journal-api/journal-format';
import { useCancelOrder, useFills, useLiveTile, useOrders, usePlaceOrder, useSavedPosition } from '../../journal-pages-api/orders';
import { errorText } from '../../journal-pages-api/query';
import { useJournalTimeZone } from '../../journal-api/hooks';
import { todayIn } from '../journal/calendar-grid';
import { addLeg, canAddLeg, describeLegs, draftFromPosition, draftFromTile, editLeg, emptyDraft, removeLeg, toOrderRequest, type LegDraft, type OrderDraft } from './order-form';
import '../journal/journal-pages.css';

/**
 * `/orders`: simulated limit orders on spreads. `?tile=<heatmap tile key>[&symbol=SPX]` or
 * `?position=<saved position id>` opens the form prefilled with that spread.
 */
export function OrdersPage() {
  const [params] = useSearchParams();
  const timeZone = useJournalTimeZone();
  const [status, setStatus] = useState<OrderStatus | undefined>(undefined);
  const orders = useOrders(status);
  const fills = useFills();
  const cancel = useCancelOrder();
  const tile = params.get('tile') ?? undefined;
  const positionId = params.get('position') ?? undefined;
  const symbol = (params.get('symbol') ?? 'SPX').toUpperCase();

  return (
    <div className="jp-page" data-testid="orders-page">
      <h1>Orders</h1>
      <div className="jp-columns">
        <OrderFormContainer key={`${tile ?? ''}|${positionId ?? ''}`} tile={tile} positionId={positionId} symbol={symbol} today={todayIn(timeZone)} />
        <OrderListView
          orders={orders.data}
          error={orders.error ? errorText(orders.error) : undefined}
          status={status}
          onStatus={setStatus}
          onCancel={(id) => cancel.mutate(id)}
          cancellingId={cancel.isPending ? cancel.variables : undefined}
          cancelError={cancel.error ? errorText(cancel.error) : undefined}
        />
      </div>
      <FillListView fills={fills.data} error={fills.error ? errorText(fills.error) : undefined} />
    </div>
  );
}

interface OrderFormContainerProps {
  tile: string | undefined;
  positionId: string | undefined;
  symbol: string;
  today: string;
}

function OrderFormContainer({ tile, positionId, symbol, today }: OrderFormContainerProps) {
  const [draft, setDraft] = useState<OrderDraft>(() => (tile ? draftFromTile(tile, symbol, today) : undefined) ?? emptyDraft(today));
  const { errors, message, setMessage, refuse, clear, failed } = useFormFeedback(tile && !draftFromTile(tile, symbol, today) ? `The tile ${tile} is not one the heatmap makes.` : undefined);
  const position = useSavedPosition(positionId);
  // The live tile replaces the key-derived prefill once it arrives (its expiry is exact), unless the trader has edited the legs.
  const live = useLiveTile(symbol, tile);
  const [liveApplied, setLiveApplied] = useState(false);
  if (tile && live.data && !liveApplied) {
    setLiveApplied(true);
    const exact = draftFromTile(tile, symbol, today, live.data);
    if (exact && draft.source?.kind === 'tile') setDraft({ ...exact, quantity: draft.quantity, limitPrice: draft.limitPrice });
  }
  // Prefill once, when the saved position arrives (state set during render, React's pattern for
  // deriving state from a value that changed).
  const [prefilled, setPrefilled] = useState<string | undefined>(undefined);
  if (position.data && prefilled !== position.data.id) {
    setPrefilled(position.data.id);
    setDraft(draftFromPosition(position.data));
  }
  const place = usePlaceOrder();

  const submit = () => {
    const request = toOrderRequest(draft);
    if (!request.ok) {
      refuse(request.errors);
      return;
    }
    clear();
    place.mutate(request.body, {
      onSuccess: (order) => setMessage(`Order placed: ${order.quantity} × ${order.symbol} at ${formatAmount(order.limitPrice)}, ${order.status}.`),
      onError: (error) => failed(error, fieldPaths(draft)),
    });
  };

  return (
    <OrderFormView
      draft={draft}
      errors={errors}
      message={message ?? (position.error ? `The saved position could not be loaded: ${errorText(position.error)}` : undefined)}
      submitting={place.isPending}
      onChange={setDraft}
      onSubmit={submit}
    />
  );
}

function fieldPaths(draft: OrderDraft): string[] {
  const paths = ['symbol', 'quantity', 'limitPrice', 'legs', 'source'];
  draft.legs.forEach((_, i) => paths.push(`legs.${i}`, `legs.${i}.expiry`, `legs.${i}.strike`, `legs.${i}.right`, `legs.${i}.ratio`));
  return paths;
}

export interface OrderFormViewProps {
  draft: OrderDraft;
  errors: FieldErrors;
  message: string | undefined;
  submitting: boolean;
  onChange: (draft: OrderDraft) => void;
  onSubmit: () => void;
}

/** The limit-order form over a draft (controlled; no state of its own). */
export function OrderFormView({ draft, errors, message, submitting, onChange, onSubmit }: OrderFormViewProps) {
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  const leg = (i: number, patch: Partial<LegDraft>) => onChange(editLeg(draft, i, patch));
  return (
    <section className="jp-section" aria-labelledby="order-form-title">
      <h2 id="order-form-title">Place a limit order</h2>
      <form className="jp-form" data-testid="order-form" onSubmit={submit} noValidate>
        {draft.source && (
          <p className="muted jp-message" data-testid="order-source">
            From {draft.source.kind === 'tile' ? `heatmap tile ${draft.source.key}` : `saved position ${draft.source.id}`}
          </p>
        )}
        <div className="jp-row">
          <Field label="Symbol" error={errors['symbol']}>
            <input name="symbol" value={draft.symbol} size={8} aria-invalid={errors['symbol'] !== undefined} onChange={(e) => onChange({ ...draft, symbol: e.target.value })} />
          </Field>
          <Field label="Quantity (spreads)" error={errors['quantity']}>
            <input name="quantity" inputMode="numeric" value={draft.quantity} size={6} aria-invalid={errors['quantity'] !== undefined} onChange={(e) => onChange({ ...draft, quantity: e.target.value })} />
          </Field>
          <Field label="Limit per spread (− = credit)" error={errors['limitPrice']}>
            <input name="limitPrice" inputMode="decimal" value={draft.limitPrice} size={8} aria-invalid={errors['limitPrice'] !== undefined} onChange={(e) => onChange({ ...draft, limitPrice: e.target.value })} />
          </Field>
        </div>
        <fieldset className="jp-form" style={{ border: 0, padding: 0, margin: 0 }}>
          <legend className="muted">Legs (ratio: + buys, − sells, per spread)</legend>
          <FieldError error={errors['legs']} />
          {draft.legs.map((l, i) => (
            <div className="jp-row" key={i} data-testid="order-leg">
              <Field label="Expiry" error={errors[`legs.${i}.expiry`]}>
                <input type="date" name={`legs.${i}.expiry`} value={l.expiry} aria-invalid={errors[`legs.${i}.expiry`] !== undefined} onChange={(e) => leg(i, { expiry: e.target.value })} />
              </Field>
              <Field label="Strike" error={errors[`legs.${i}.strike`]}>
                <input name={`legs.${i}.strike`} inputMode="decimal" size={7} value={l.strike} aria-invalid={errors[`legs.${i}.strike`] !== undefined} onChange={(e) => leg(i, { strike: e.target.value })} />
              </Field>
              <Field label="Right" error={errors[`legs.${i}.right`]}>
                <select name={`legs.${i}.right`} value={l.right} onChange={(e) => leg(i, { right: e.target.value === 'put' ? 'put' : 'call' })}>
                  <option value="call">Call</option>
                  <option value="put">Put</option>
                </select>
              </Field>
              <Field label="Ratio" error={errors[`legs.${i}.ratio`] ?? errors[`legs.${i}`]}>
                <input name={`legs.${i}.ratio`} inputMode="numeric" size={4} value={l.ratio} aria-invalid={errors[`legs.${i}.ratio`] !== undefined} onChange={(e) => leg(i, { ratio: e.target.value })} />
              </Field>
              <button type="button" aria-label={`Remove leg ${i + 1}`} disabled={draft.legs.length <= 1} onClick={() => onChange(removeLeg(draft, i))}>
                ×
              </button>
            </div>
          ))}
          <div>
            <button type="button" onClick={() => onChange(addLeg(draft))} disabled={!canAddLeg(draft)}>
              Add leg
            </button>
          </div>
        </fieldset>
        <FormStatus message={message} testId="order-form-message" />
        <div>
          <button type="submit" disabled={submitting} data-testid="order-submit">
            {submitting ? 'Placing…' : 'Place order'}
          </button>
        </div>
      </form>
    </section>
  );
}

export interface OrderListViewProps {
  orders: OrderDto[] | undefined;
  error: string | undefined;
  status: OrderStatus | undefined;
  onStatus: (status: OrderStatus | undefined) => void;
  onCancel: (id: string) => void;
  cancellingId: string | undefined;
  cancelError?: string | undefined;
}

/** Orders by status, newest first as the journal sends them, with Cancel on working ones. */
export function OrderListView({ orders, error, status, onStatus, onCancel, cancellingId, cancelError }: OrderListViewProps) {
  return (
    <section className="jp-section" aria-labelledby="orders-title">
      <div className="jp-toolbar">
        <h2 id="orders-title">Orders</h2>
        <span className="jp-spacer" />
        <div className="jp-tabs" role="group" aria-label="Order status">
          {([undefined, ...ORDER_STATUSES] as const).map((s) => (
            <button key={s ?? 'all'} type="button" aria-pressed={status === s} onClick={() => onStatus(s)}>
              {s ?? 'all'}
            </button>
          ))}
        </div>
      </div>
      <ErrorLine error={error} />
      <ErrorLine error={cancelError} />
      {orders === undefined && !error && <p className="jp-empty">Loading orders…</p>}
      {orders?.length === 0 && <p className="jp-empty">No {status ?? ''} orders.</p>}
      {orders !== undefined && orders.length > 0 && (
        <table className="jp-table" data-testid="orders-table">
          <thead>
            <tr>
              <th>Placed</th>
              <th>Spread</th>
              <th className="num">Qty</th>
              <th className="num">Limit</th>
              <th>Status</th>
              <th className="num">Fill</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {orders.map((o) => (
              <tr key={o.id} data-testid="order-row" data-status={o.status} data-id={o.id}>
                <td>{formatTime(o.createdAt)}</td>
                <td>
                  <span className="mono">{o.symbol}</span> {describeLegs(o.legs)}
                </td>
                <td className="num">{o.quantity}</td>
                <td className="num">{formatAmount(o.limitPrice)}</td>
                <td>
                  <span className={`jp-chip jp-chip-${o.status}`}>{o.status}</span>
                  {o.reason && <div className="muted">{o.reason}</div>}
                </td>
                <td className="num">{o.fill ? `${formatAmount(o.fill.price)} @ ${formatTime(o.fill.at)}` : ''}</td>
                <td>
                  {o.status === 'working' && (
                    <button type="button" data-testid="order-cancel" disabled={cancellingId === o.id} onClick={() => onCancel(o.id)}>
                      {cancellingId === o.id ? 'Cancelling…' : 'Cancel'}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Every fill, newest first. */
export function FillListView({ fills, error }: { fills: OrderFillDto[] | undefined; error: string | undefined }) {
  return (
    <section className="jp-section" aria-labelledby="fills-title">
      <h2 id="fills-title">Fill history</h2>
      <ErrorLine error={error} />
      {fills === undefined && !error && <p className="jp-empty">Loading fills…</p>}
      {fills?.length === 0 && <p className="jp-empty">No fills yet.</p>}
      {fills !== undefined && fills.length > 0 && (
        <table className="jp-table" data-testid="fills-table">
          <thead>
            <tr>
              <th>Filled</th>
              <th>Symbol</th>
              <th className="num">Qty</th>
              <th className="num">Price</th>
              <th>Priced from</th>
              <th>Trade</th>
            </tr>
          </thead>
          <tbody>
            {fills.map((f) => (
              <tr key={`${f.orderId}-${f.at}`} data-testid="fill-row">
                <td>{formatTime(f.at)}</td>
                <td className="mono">{f.symbol}</td>
                <td className="num">{f.quantity}</td>
                <td className="num">{formatAmount(f.price)}</td>
                <td>{f.pricedFrom === 'tile' ? 'tile mid' : 'leg mids'}</td>
                <td className="mono">{f.tradeId ? f.tradeId.slice(0, 8) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
