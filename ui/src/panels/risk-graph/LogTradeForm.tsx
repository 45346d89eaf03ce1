import type { LogSavedPositionBody, SavedPositionDto } from '@marketswarm/shared/dto';
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { FieldErrors } from '../../auth/form-issues';
import { checkLogTrade, priceField } from '../../risk/risk-forms';
import type { LoggedTrade } from '../../risk/saved-positions-api';
import type { Outcome } from './risk-actions';

interface LogTradeFormProps {
  position: SavedPositionDto;
  /** Each leg's live mid, when the heatmap has it: the prices start there. */
  mids: readonly (number | undefined)[];
  onSubmit: (body: Partial<LogSavedPositionBody>) => Promise<Outcome<LoggedTrade>>;
  onClose: () => void;
  /** Specs render the answer without submitting. */
  initialTrade?: LoggedTrade;
}

const legLabel = (leg: SavedPositionDto['legs'][number]): string => `${leg.ratio > 0 ? '+' : ''}${leg.ratio} ${leg.expiry} ${leg.strike} ${leg.right}`;

/**
 * Logs a saved position as a trade in the default log: one price per leg (per unit, prefilled with
 * the live mid, editable; all empty lets the journal take the mids) and a commission per contract.
 * The created trade is linked once the journal answers.
 */
export function LogTradeForm({ position, mids, onSubmit, onClose, initialTrade }: LogTradeFormProps) {
  const id = useId();
  const [prices, setPrices] = useState<string[]>(() => position.legs.map((_, i) => priceField(mids[i])));
  const [commission, setCommission] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [trade, setTrade] = useState<LoggedTrade | undefined>(initialTrade);

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const checked = checkLogTrade({ prices, commission });
    if (!checked.ok) {
      setErrors(checked.errors);
      setMessage('Check the highlighted fields.');
      return;
    }
    setBusy(true);
    const outcome = await onSubmit(checked.body);
    setBusy(false);
    if (outcome.ok) {
      setErrors({});
      setMessage('');
      setTrade(outcome.value);
    } else {
      setErrors(outcome.fields);
      setMessage(outcome.message);
    }
  };

  const field = (name: string): { invalid: boolean; describedBy: string | undefined } => ({
    invalid: errors[name] !== undefined,
    describedBy: errors[name] === undefined ? undefined : `${id}-${name}-error`,
  });
  const errorOf = (name: string) =>
    errors[name] === undefined ? null : (
      <span id={`${id}-${name}-error`} className="rg-error">
        {errors[name]}
      </span>
    );

  if (trade !== undefined) {
    return (
      <p className="rg-inline-form" role="status">
        Logged as{' '}
        <Link data-testid="logged-trade-link" to={`/trades/${encodeURIComponent(trade.tradeId)}`}>
          trade {trade.tradeId.slice(0, 8)}
        </Link>
        .{' '}
        <button type="button" className="rg-btn" onClick={onClose}>
          Close
        </button>
      </p>
    );
  }

  return (
    <form className="rg-inline-form rg-log-form" data-testid="log-trade-form" aria-label={`Log ${position.name} as a trade`} onSubmit={(e) => void submit(e)} noValidate>
      {position.legs.map((leg, i) => {
        const f = field(`prices.${i}`);
        return (
          <div key={`${leg.expiry}|${leg.strike}|${leg.right}`} className="rg-log-leg">
            <label htmlFor={`${id}-p${i}`}>{legLabel(leg)}</label>
            <input
              id={`${id}-p${i}`}
              className="mono"
              data-testid="log-trade-price"
              inputMode="decimal"
              placeholder={mids[i] === undefined ? 'live mid' : undefined}
              value={prices[i] ?? ''}
              aria-invalid={f.invalid}
              aria-describedby={f.describedBy}
              onChange={(e) => setPrices((all) => all.map((p, j) => (j === i ? e.target.value : p)))}
            />
            {errorOf(`prices.${i}`)}
          </div>
        );
      })}
      <div className="rg-log-leg">
        <label htmlFor={`${id}-commission`}>Commission per contract</label>
        <input
          id={`${id}-commission`}
          className="mono"
          data-testid="log-trade-commission"
          inputMode="decimal"
          placeholder="0"
          value={commission}
          aria-invalid={field('commission').invalid}
          aria-describedby={field('commission').describedBy}
          onChange={(e) => setCommission(e.target.value)}
        />
        {errorOf('commission')}
      </div>
      <div className="rg-log-actions">
        <button type="submit" className="rg-btn" data-testid="log-trade-submit" disabled={busy}>
          Log {position.quantity} × at these prices
        </button>
        <button type="button" className="rg-btn" onClick={onClose}>
          Cancel
        </button>
        {message !== '' && (
          <span className="rg-error" role="alert">
            {message}
          </span>
        )}
      </div>
    </form>
  );
}
