import { CONTRACT_MULTIPLIER } from '@marketswarm/shared/pricing';
import type { SavedPositionDto } from '@marketswarm/shared/dto';
import { Suspense, lazy, memo, useId, useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { FieldErrors } from '../../auth/form-issues';
import type { PositionLeg } from '@marketswarm/shared/models';
import { pricedLikeMids, spreadPrice } from '../../risk/leg-edit';
import { positionCost, whatIfSpreadLegs, type RiskPosition } from '../../risk/risk-position';
import { untouchedTile, type WhatIfPosition, type WhatIfStore } from '../../risk/what-if-store';
import { KIND_LABEL } from './risk-kinds';
import type { RiskActions } from './risk-actions';
import type { RiskBook } from './risk-book';
import { formatMoney } from './risk-scenario';
import { LogTradeForm } from './LogTradeForm';

interface RiskBookListProps {
  book: RiskBook;
  hidden: ReadonlySet<string>;
  whatIf: WhatIfStore;
  actions: RiskActions;
  /** Each saved position's legs' live mids (for the log form), by saved id. */
  midsOf: (p: SavedPositionDto) => (number | undefined)[];
  describeWhatIf: (p: WhatIfPosition) => string;
  /** Legs' live mids from the heatmap (the leg editor starts a tile's legs there). */
  legMidsOf: (legs: readonly PositionLeg[]) => (number | undefined)[];
}

/**
 * The positions of the symbol in three groups — open trades (from the journal), saved positions
 * and the page's what-ifs — each with a visibility switch, in the style its line has on the graph.
 * Re-renders only when the positions change, not per spot tick.
 */
export const RiskBookList = memo(function RiskBookList({ book, hidden, whatIf, actions, midsOf, describeWhatIf, legMidsOf }: RiskBookListProps) {
  return (
    <div className="rg-book">
      {book.open.length > 0 && (
        <Group title="Open trades" kind="open">
          {book.open.map((p) => (
            <li key={p.id} className="rg-position rg-kind-open" data-testid="open-position" data-position-id={p.sourceId}>
              <Visibility position={p} hidden={hidden} whatIf={whatIf} />
              <Link className="rg-position-name" to={`/trades/${encodeURIComponent(p.sourceId)}`} title={`${p.name}: open the trade in the journal`}>
                {p.name}
              </Link>
              <span className="rg-position-debit mono">{formatMoney(-positionCost(p))}</span>
              {p.skippedLegs > 0 && <span className="rg-hint">{`${p.skippedLegs} leg${p.skippedLegs === 1 ? '' : 's'} not drawn`}</span>}
            </li>
          ))}
        </Group>
      )}
      {book.saved.length > 0 && (
        <Group title="Saved" kind="saved">
          {book.saved.map((s) => (
            <SavedRow key={s.dto.id} dto={s.dto} risk={s.risk} hidden={hidden} whatIf={whatIf} actions={actions} midsOf={midsOf} />
          ))}
        </Group>
      )}
      {book.whatIfs.length > 0 && (
        <Group
          title="What-ifs"
          kind="whatif"
          extra={
            <button type="button" className="rg-btn" onClick={() => book.whatIfs.forEach((w) => whatIf.remove(w.position.id))}>
              Clear all
            </button>
          }
        >
          {book.whatIfs.map((w) => (
            <WhatIfRow key={w.position.id} position={w.position} risk={w.risk} hidden={hidden} whatIf={whatIf} actions={actions} title={describeWhatIf(w.position)} legMidsOf={legMidsOf} />
          ))}
        </Group>
      )}
    </div>
  );
});

function Group({ title, kind, extra, children }: { title: string; kind: RiskPosition['kind']; extra?: ReactNode; children: ReactNode }) {
  const headingId = useId();
  return (
    <section className={`rg-positions rg-group-${kind}`} aria-labelledby={headingId} data-testid={`risk-group-${kind}`}>
      <div className="rg-positions-head">
        <h3 id={headingId}>
          <span className={`rg-swatch rg-swatch-${kind}`} aria-hidden="true" />
          {title}
        </h3>
        {extra}
      </div>
      <ul>{children}</ul>
    </section>
  );
}

function Visibility({ position, hidden, whatIf }: { position: RiskPosition; hidden: ReadonlySet<string>; whatIf: WhatIfStore }) {
  const drawable = position.legs.length > 0;
  return (
    <input
      type="checkbox"
      className="rg-visible"
      data-testid="risk-visible"
      checked={drawable && !hidden.has(position.id)}
      disabled={!drawable}
      aria-label={`Draw ${KIND_LABEL[position.kind].toLowerCase()} ${position.name} on the graph`}
      onChange={(e) => whatIf.setVisible(position.id, e.target.checked)}
    />
  );
}

interface WhatIfRowProps {
  position: WhatIfPosition;
  risk: RiskPosition;
  hidden: ReadonlySet<string>;
  whatIf: WhatIfStore;
  actions: RiskActions;
  title: string;
  legMidsOf: (legs: readonly PositionLeg[]) => (number | undefined)[];
}

/** The orders page prefills its form from these query parameters (OrdersPage). */
export const whatIfOrderHref = (p: { symbol: string; tile: { key: string } }): string => `/orders?${new URLSearchParams({ tile: p.tile.key, symbol: p.symbol }).toString()}`;
export const savedOrderHref = (id: string): string => `/orders?${new URLSearchParams({ position: id }).toString()}`;

type WhatIfMode = 'idle' | 'save' | 'edit';

// Opened on demand, so it stays out of the workspace's first load.
const LegEditor = lazy(() => import('./LegEditor').then((m) => ({ default: m.LegEditor })));

function WhatIfRow({ position: p, risk, hidden, whatIf, actions, title, legMidsOf }: WhatIfRowProps) {
  const [mode, setMode] = useState<WhatIfMode>('idle');
  const toggle = (next: WhatIfMode): void => setMode((m) => (m === next ? 'idle' : next));
  const name = risk.name;
  const tile = untouchedTile(p);
  const spread = whatIfSpreadLegs(p);
  return (
    <li className="rg-position rg-kind-whatif" data-testid="whatif-position" data-tile={tile?.key} data-edited={p.legs !== undefined || undefined} data-quantity={p.quantity} title={title}>
      <Visibility position={risk} hidden={hidden} whatIf={whatIf} />
      <span className="rg-position-name" title={name}>
        {name}
      </span>
      <span className="rg-position-debit mono">{formatMoney(-spreadPrice(spread) * p.quantity * CONTRACT_MULTIPLIER)}</span>
      <span className="rg-qty" role="group" aria-label={`Quantity of ${name}`}>
        <button type="button" className="rg-btn rg-icon" aria-label={`Decrease quantity of ${name}`} disabled={p.quantity <= 1} onClick={() => whatIf.setQuantity(p.id, p.quantity - 1)}>
          −
        </button>
        <span className="mono rg-qty-value" aria-live="polite">
          {p.quantity}
        </span>
        <button type="button" className="rg-btn rg-icon" aria-label={`Increase quantity of ${name}`} onClick={() => whatIf.setQuantity(p.id, p.quantity + 1)}>
          +
        </button>
      </span>
      <button type="button" className="rg-btn" data-testid="rg-edit-legs" aria-expanded={mode === 'edit'} aria-label={`Edit legs of ${name}`} onClick={() => toggle('edit')}>
        Legs
      </button>
      <button type="button" className="rg-btn" data-testid="risk-save" aria-expanded={mode === 'save'} aria-label={`Save ${name}`} onClick={() => toggle('save')}>
        Save
      </button>
      {tile !== undefined && (
        <Link className="rg-btn rg-order" data-testid="whatif-order" to={whatIfOrderHref({ symbol: p.symbol, tile })} title={`Open an order form prefilled with ${name}`}>
          Order…
        </Link>
      )}
      <button type="button" className="rg-btn rg-icon" aria-label={`Remove what-if ${name}`} onClick={() => whatIf.remove(p.id)}>
        ×
      </button>
      {mode === 'save' && <NameForm initial={name} label={`Name for ${name}`} testId="risk-save-name" submitLabel="Save" submitTestId="risk-save-confirm" onCancel={() => setMode('idle')} onSubmit={(n) => actions.save(p, n)} />}
      {mode === 'edit' && (
        <Suspense fallback={<span className="rg-hint">Loading…</span>}>
          <LegEditor
            name={name}
            legs={p.legs === undefined ? pricedLikeMids(spread, legMidsOf(spread)) : spread}
            onApply={(legs) => {
              whatIf.setLegs(p.id, legs);
              setMode('idle');
            }}
            onClose={() => setMode('idle')}
          />
        </Suspense>
      )}
    </li>
  );
}

interface SavedRowProps {
  dto: SavedPositionDto;
  risk: RiskPosition;
  hidden: ReadonlySet<string>;
  whatIf: WhatIfStore;
  actions: RiskActions;
  midsOf: (p: SavedPositionDto) => (number | undefined)[];
}

type SavedMode = 'idle' | 'rename' | 'log';

function SavedRow({ dto, risk, hidden, whatIf, actions, midsOf }: SavedRowProps) {
  const [mode, setMode] = useState<SavedMode>('idle');
  const [status, setStatus] = useState('');
  const toggle = (next: SavedMode): void => setMode((m) => (m === next ? 'idle' : next));
  const onDelete = async (): Promise<void> => {
    setStatus('Deleting…');
    const outcome = await actions.remove(dto.id);
    setStatus(outcome.ok ? '' : outcome.message);
  };
  return (
    <li className="rg-position rg-kind-saved" data-testid="saved-position" data-position-id={dto.id} data-quantity={dto.quantity}>
      <Visibility position={risk} hidden={hidden} whatIf={whatIf} />
      <span className="rg-position-name" title={risk.name}>
        {risk.name}
      </span>
      <span className="rg-position-debit mono">{formatMoney(-dto.entryPrice * dto.quantity * CONTRACT_MULTIPLIER)}</span>
      <button type="button" className="rg-btn" data-testid="saved-position-rename" aria-expanded={mode === 'rename'} aria-label={`Rename ${risk.name}`} onClick={() => toggle('rename')}>
        Rename
      </button>
      <button type="button" className="rg-btn" data-testid="saved-position-log" aria-expanded={mode === 'log'} aria-label={`Log as trade: ${risk.name}`} onClick={() => toggle('log')}>
        Log as trade
      </button>
      <Link className="rg-btn rg-order" data-testid="saved-position-order" to={savedOrderHref(dto.id)} title={`Open an order form prefilled with ${risk.name}`}>
        Order…
      </Link>
      <button type="button" className="rg-btn rg-icon" data-testid="saved-position-delete" aria-label={`Delete saved ${risk.name}`} onClick={() => void onDelete()}>
        ×
      </button>
      {status !== '' && (
        <span className="rg-hint" role="status">
          {status}
        </span>
      )}
      {mode === 'rename' && (
        <NameForm
          initial={dto.name}
          label={`New name for ${risk.name}`}
          testId="saved-position-name"
          submitLabel="Rename"
          submitTestId="saved-position-rename-confirm"
          onCancel={() => setMode('idle')}
          onSubmit={async (n) => {
            const outcome = await actions.rename(dto.id, n);
            if (outcome.ok) setMode('idle');
            return outcome;
          }}
        />
      )}
      {mode === 'log' && <LogTradeForm position={dto} mids={midsOf(dto)} onSubmit={(body) => actions.log(dto.id, body)} onClose={() => setMode('idle')} />}
    </li>
  );
}

interface NameFormProps {
  initial: string;
  label: string;
  testId: string;
  submitLabel: string;
  submitTestId: string;
  onSubmit: (name: string) => Promise<{ ok: true } | { ok: false; fields: FieldErrors; message: string }>;
  onCancel: () => void;
}

/** One name input with submit and cancel; the journal's message for the name shows under it. */
export function NameForm({ initial, label, testId, submitLabel, submitTestId, onSubmit, onCancel }: NameFormProps) {
  const id = useId();
  const [name, setName] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    const outcome = await onSubmit(name);
    setBusy(false);
    setError(outcome.ok ? '' : (outcome.fields['name'] ?? outcome.fields['(root)'] ?? outcome.message));
  };
  return (
    <form className="rg-inline-form" onSubmit={(e) => void submit(e)}>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <input id={id} data-testid={testId} value={name} maxLength={100} aria-invalid={error !== ''} aria-describedby={error === '' ? undefined : `${id}-error`} onChange={(e) => setName(e.target.value)} />
      <button type="submit" className="rg-btn" data-testid={submitTestId} disabled={busy}>
        {submitLabel}
      </button>
      <button type="button" className="rg-btn" onClick={onCancel}>
        Cancel
      </button>
      {error !== '' && (
        <span id={`${id}-error`} className="rg-error" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}
