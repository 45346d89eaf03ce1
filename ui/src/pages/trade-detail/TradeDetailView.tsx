import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { MarketAtEntry, TradeDto } from '@marketswarm/shared/dto';
import { formatDateTime, formatDecimal, formatMoney, formatR, pnlTone } from '../../journal-api/journal-format';
import { closeBody, legsToClose, notesFieldsOf, notesPatch, type CloseFields, type FieldErrors, type NotesFields } from './trade-edit';
import type { CloseTradeBody, UpdateTradeBody } from '@marketswarm/shared/dto';
import './trade-detail.css';

export interface SubmitState {
  pending: boolean;
  /** Field errors from the journal's `issues`, plus `(root)` for the message. */
  errors: FieldErrors;
  done: boolean;
}

export const IDLE: SubmitState = { pending: false, errors: {}, done: false };

export interface TradeDetailViewProps {
  trade: TradeDto;
  logName: string | undefined;
  timeZone: string;
  /** The session chart (or why there is none). */
  chart: ReactNode;
  onSaveNotes: (body: UpdateTradeBody) => void;
  notesState: SubmitState;
  onClose: (body: CloseTradeBody) => void;
  closeState: SubmitState;
  /** The playbook check-off of this trade (the page passes PlaybookChecklist); nothing is drawn when absent. */
  playbook?: ReactNode;
}

/** `/trades/:id`: what the trade was, how it went, the market when it opened, and its notes. */
export function TradeDetailView({ trade, logName, timeZone, chart, onSaveNotes, notesState, onClose, closeState, playbook }: TradeDetailViewProps) {
  return (
    <article className="trade-detail" aria-labelledby="trade-title">
      <div className="page-title-row">
        <h1 id="trade-title">
          {trade.symbol} <span className="muted">{trade.strategy}</span> <span className={`status status-${trade.status}`}>{trade.status}</span>
        </h1>
        <Link to={`/trades?log=${encodeURIComponent(trade.logId)}`}>All trades of {logName ?? 'this log'}</Link>
      </div>
      <div className="trade-detail-grid">
        <section className="panel trade-facts" aria-labelledby="trade-facts-title">
          <h2 id="trade-facts-title">Result</h2>
          <dl className="facts">
            <dt>Log</dt>
            <dd>{logName ?? '—'}</dd>
            <dt>Side</dt>
            <dd>{trade.side}</dd>
            <dt>Quantity</dt>
            <dd>{formatDecimal(trade.quantity)}</dd>
            <dt>Opened</dt>
            <dd>{formatDateTime(trade.openedAt, timeZone)}</dd>
            <dt>Closed</dt>
            <dd>{formatDateTime(trade.closedAt, timeZone)}</dd>
            <dt>Gross</dt>
            <dd className={pnlTone(trade.gross)}>{formatMoney(trade.gross, true)}</dd>
            <dt>Fees</dt>
            <dd>{formatMoney(trade.fees)}</dd>
            <dt>Net</dt>
            <dd className={pnlTone(trade.net)} data-testid="trade-net" data-value={trade.net}>
              {formatMoney(trade.net, true)}
            </dd>
            <dt>Risk</dt>
            <dd data-testid="trade-risk">{trade.risk === null ? 'not set' : formatMoney(trade.risk)}</dd>
            <dt>R multiple</dt>
            <dd data-testid="trade-r" className={pnlTone(trade.r)}>
              {trade.r === null ? 'needs a risk' : formatR(trade.r)}
            </dd>
            <dt>Tags</dt>
            <dd>{trade.tags.length === 0 ? 'none' : trade.tags.map((t) => t.name).join(', ')}</dd>
          </dl>
        </section>
        <MarketAtEntryPanel market={trade.marketAtEntry} timeZone={timeZone} />
        <section className="panel trade-chart" aria-labelledby="trade-chart-title">
          <h2 id="trade-chart-title">Session</h2>
          {chart}
        </section>
      </div>
      <section className="panel" aria-labelledby="trade-legs-title">
        <h2 id="trade-legs-title">Legs and fills</h2>
        <LegsTable trade={trade} />
      </section>
      {trade.status === 'open' ? <CloseForm trade={trade} onClose={onClose} state={closeState} /> : null}
      <NotesForm key={`${trade.id}:${trade.updatedAt}`} trade={trade} onSave={onSaveNotes} state={notesState} />
      {playbook ? (
        <section className="panel" aria-label="Playbook" data-testid="trade-playbook-slot">
          {playbook}
        </section>
      ) : null}
    </article>
  );
}

const UNAVAILABLE: Record<string, string> = {
  'before-retention': 'opened before the oldest market data kept',
  'no-market-data': 'no market data was available',
};

export function MarketAtEntryPanel({ market, timeZone }: { market: MarketAtEntry | null; timeZone: string }) {
  return (
    <section className="panel" aria-labelledby="market-at-entry-title" data-testid="market-at-entry" data-status={market?.status ?? 'none'}>
      <h2 id="market-at-entry-title">Market at entry</h2>
      {market === null ? (
        <p className="muted">not recorded</p>
      ) : market.status === 'unavailable' ? (
        <p className="muted">not recorded ({UNAVAILABLE[market.reason] ?? market.reason})</p>
      ) : (
        <dl className="facts">
          <dt>At</dt>
          <dd>{formatDateTime(market.at, timeZone)}</dd>
          <dt>Spot</dt>
          <dd data-field="spot">{market.spot === null ? 'not recorded' : formatDecimal(market.spot)}</dd>
          <dt>VIX</dt>
          <dd data-field="vix">{market.vix === null ? 'not recorded' : formatDecimal(market.vix)}</dd>
          <dt>GEX regime</dt>
          <dd data-field="gexRegime">{market.gexRegime ?? 'not recorded'}</dd>
          <dt>GEX flip</dt>
          <dd data-field="gexFlip">{market.gexFlip === null ? 'not recorded' : formatDecimal(market.gexFlip)}</dd>
          <dt>Mode</dt>
          <dd data-field="mode">{market.mode ?? 'not recorded'}</dd>
        </dl>
      )}
    </section>
  );
}

function LegsTable({ trade }: { trade: TradeDto }) {
  return (
    <div className="table-scroll">
      <table className="legs-table" data-testid="trade-legs">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Instrument</th>
            <th scope="col">Kind</th>
            <th scope="col">Expiry</th>
            <th scope="col" className="num">Strike</th>
            <th scope="col">Right</th>
            <th scope="col">Side</th>
            <th scope="col" className="num">Qty</th>
            <th scope="col" className="num">Open</th>
            <th scope="col" className="num">Close</th>
            <th scope="col" className="num">Mult.</th>
            <th scope="col">Fills (execution × qty)</th>
          </tr>
        </thead>
        <tbody>
          {trade.legs.map((leg) => (
            <tr key={leg.id} data-testid="trade-leg" data-leg-id={leg.id}>
              <td>{leg.index + 1}</td>
              <td className="mono">{leg.symbol}</td>
              <td>{leg.instrumentKind.replace('_', ' ')}</td>
              <td>{leg.expiry ?? '—'}</td>
              <td className="num">{formatDecimal(leg.strike)}</td>
              <td>{leg.right ?? '—'}</td>
              <td className={leg.side === 'buy' ? 'up' : 'down'}>{leg.side}</td>
              <td className="num">{formatDecimal(leg.quantity)}</td>
              <td className="num">{formatDecimal(leg.openPrice)}</td>
              <td className="num">{leg.closePrice === null ? 'open' : formatDecimal(leg.closePrice)}</td>
              <td className="num">{formatDecimal(leg.multiplier)}</td>
              <td className="mono fills">
                {leg.fills.map((fill) => (
                  <span key={fill.executionId} title={fill.executionId}>
                    {fill.executionId.slice(0, 8)} × {formatDecimal(fill.quantity)}
                  </span>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function FieldError({ id, errors, name }: { id: string; errors: FieldErrors; name: string }) {
  const message = errors[name];
  return message ? (
    <span id={id} className="field-error" role="alert">
      {message}
    </span>
  ) : null;
}

function NotesForm({ trade, onSave, state }: { trade: TradeDto; onSave: (body: UpdateTradeBody) => void; state: SubmitState }) {
  const id = useId();
  const [fields, setFields] = useState<NotesFields>(() => notesFieldsOf(trade));
  const [local, setLocal] = useState<FieldErrors>({});
  const errors = { ...state.errors, ...local };
  const change = (key: keyof NotesFields, value: string) => setFields((f) => ({ ...f, [key]: value }));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const patch = notesPatch(trade, fields);
    if (patch === null) return setLocal({ '(root)': 'Nothing changed.' });
    if (!patch.ok) return setLocal(patch.errors);
    setLocal({});
    onSave(patch.body);
  };
  return (
    <form className="panel trade-notes" aria-labelledby={`${id}-title`} onSubmit={onSubmit} noValidate>
      <h2 id={`${id}-title`}>Notes, tags and risk</h2>
      <label htmlFor={`${id}-notes`}>Notes</label>
      <textarea id={`${id}-notes`} rows={6} value={fields.notes} onChange={(e) => change('notes', e.target.value)} aria-describedby={`${id}-notes-error`} data-testid="trade-notes" />
      <FieldError id={`${id}-notes-error`} errors={errors} name="notes" />
      <div className="form-row">
        <div className="field">
          <label htmlFor={`${id}-tags`}>Tags <span className="muted">(comma-separated; a new name creates the tag)</span></label>
          <input id={`${id}-tags`} value={fields.tags} onChange={(e) => change('tags', e.target.value)} aria-describedby={`${id}-tags-error`} data-testid="trade-tags-input" />
        </div>
        <div className="field">
          <label htmlFor={`${id}-risk`}>Risk ($) <span className="muted">(empty clears it)</span></label>
          <input id={`${id}-risk`} inputMode="decimal" value={fields.risk} onChange={(e) => change('risk', e.target.value)} aria-describedby={`${id}-risk-error`} aria-invalid={errors['risk'] ? true : undefined} data-testid="trade-risk-input" />
        </div>
      </div>
      <FieldError id={`${id}-tags-error`} errors={errors} name="tags" />
      <FieldError id={`${id}-risk-error`} errors={errors} name="risk" />
      <FieldError id={`${id}-root-error`} errors={errors} name="(root)" />
      <div className="form-actions">
        <button type="submit" disabled={state.pending} data-testid="trade-notes-save">
          {state.pending ? 'Saving…' : 'Save'}
        </button>
        {state.done && Object.keys(local).length === 0 ? (
          <span className="muted" role="status">
            Saved.
          </span>
        ) : null}
      </div>
    </form>
  );
}

function CloseForm({ trade, onClose, state }: { trade: TradeDto; onClose: (body: CloseTradeBody) => void; state: SubmitState }) {
  const id = useId();
  const legs = legsToClose(trade);
  const [fields, setFields] = useState<CloseFields>(() => ({ prices: legs.map(() => ''), at: '', commission: '' }));
  const [local, setLocal] = useState<FieldErrors>({});
  const errors = { ...state.errors, ...local };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = closeBody(fields);
    if (!parsed.ok) return setLocal(parsed.errors);
    setLocal({});
    onClose(parsed.body);
  };
  return (
    <form className="panel trade-close" aria-labelledby={`${id}-title`} onSubmit={onSubmit} noValidate data-testid="trade-close-form">
      <h2 id={`${id}-title`}>Close the trade</h2>
      <p className="muted">One price per open leg (per unit, before the multiplier).</p>
      <div className="form-row">
        {legs.map((leg, i) => (
          <div className="field" key={leg.id}>
            <label htmlFor={`${id}-price-${i}`}>{leg.side === 'buy' ? 'Sell' : 'Buy'} {leg.symbol}</label>
            <input
              id={`${id}-price-${i}`}
              inputMode="decimal"
              required
              value={fields.prices[i] ?? ''}
              onChange={(e) => setFields((f) => ({ ...f, prices: f.prices.map((p, j) => (j === i ? e.target.value : p)) }))}
              aria-invalid={errors[`prices.${i}`] ? true : undefined}
              aria-describedby={`${id}-price-${i}-error`}
            />
            <FieldError id={`${id}-price-${i}-error`} errors={errors} name={`prices.${i}`} />
          </div>
        ))}
        <div className="field">
          <label htmlFor={`${id}-at`}>Time <span className="muted">(your clock; empty: now)</span></label>
          <input id={`${id}-at`} type="datetime-local" value={fields.at} onChange={(e) => setFields((f) => ({ ...f, at: e.target.value }))} aria-describedby={`${id}-at-error`} />
          <FieldError id={`${id}-at-error`} errors={errors} name="at" />
        </div>
        <div className="field">
          <label htmlFor={`${id}-commission`}>Commission <span className="muted">(per contract, per leg)</span></label>
          <input id={`${id}-commission`} inputMode="decimal" value={fields.commission} onChange={(e) => setFields((f) => ({ ...f, commission: e.target.value }))} aria-describedby={`${id}-commission-error`} />
          <FieldError id={`${id}-commission-error`} errors={errors} name="commission" />
        </div>
      </div>
      <FieldError id={`${id}-prices-error`} errors={errors} name="prices" />
      <FieldError id={`${id}-root-error`} errors={errors} name="(root)" />
      <div className="form-actions">
        <button type="submit" disabled={state.pending} data-testid="trade-close-submit">
          {state.pending ? 'Closing…' : 'Close trade'}
        </button>
      </div>
    </form>
  );
}
