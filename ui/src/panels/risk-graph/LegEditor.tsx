import type { PositionLeg } from '@marketswarm/shared/models';
import { useId, useState, type FormEvent } from 'react';
import type { FieldErrors } from '../../auth/form-issues';
import { checkLegs, legFieldsOf, rowsUnchanged, spreadPrice, type LegFields } from '../../risk/leg-edit';

interface LegEditorProps {
  /** The position's name, for the editor's accessible names. */
  name: string;
  /** One spread's legs as they are now. */
  legs: readonly PositionLeg[];
  /** The clock a leg's expiry is checked against (defaults to the wall clock). */
  now?: () => number;
  onApply: (legs: PositionLeg[]) => void;
  onClose: () => void;
}

const blankLike = (last: LegFields | undefined): LegFields => ({ right: last?.right ?? 'call', strike: last?.strike ?? '', expiry: last?.expiry ?? '', ratio: '1', price: '' });

/**
 * Edits one spread of a what-if: each leg's call/put, strike, expiry, contracts per spread (signed)
 * and price per unit; legs can be added and removed. Applied legs are checked with the journal's
 * rules, so what is drawn can always be saved.
 */
export function LegEditor({ name, legs, now = Date.now, onApply, onClose }: LegEditorProps) {
  const id = useId();
  const [start] = useState<LegFields[]>(() => legs.map(legFieldsOf));
  const [rows, setRows] = useState<LegFields[]>(start);
  const [errors, setErrors] = useState<FieldErrors>({});
  const update = (i: number, patch: Partial<LegFields>): void =>
    setRows((all) =>
      all.map((r, j) => {
        if (j !== i) return r;
        // A typed price is the price: the exact one it replaces no longer applies.
        const { exact: _exact, ...rest } = r;
        return patch.price === undefined ? { ...r, ...patch } : { ...rest, ...patch };
      }),
    );
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    // Nothing edited: applying would only turn a tile's what-if into an edited one.
    if (rowsUnchanged(start, rows)) {
      onClose();
      return;
    }
    const checked = checkLegs(rows, now());
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    onApply(checked.legs);
  };
  const net = spreadPrice(rows.map((r) => ({ quantity: Number(r.ratio), entryPrice: Number(r.price) })));
  const input = (i: number, field: Exclude<keyof LegFields, 'right'>, label: string, extra: { type?: string; inputMode?: 'decimal' | 'numeric'; className?: string } = {}) => {
    const error = errors[`${i}.${field}`];
    const inputId = `${id}-${i}-${field}`;
    return (
      <span className="rg-leg-field">
        <label htmlFor={inputId} className="visually-hidden">
          {`${label} of leg ${i + 1} of ${name}`}
        </label>
        <input
          id={inputId}
          className={`mono ${extra.className ?? ''}`}
          type={extra.type ?? 'text'}
          inputMode={extra.inputMode}
          value={rows[i]?.[field] ?? ''}
          placeholder={label}
          aria-invalid={error !== undefined}
          aria-describedby={error === undefined ? undefined : `${inputId}-error`}
          data-field={field}
          onChange={(e) => update(i, { [field]: e.target.value })}
        />
        {error !== undefined && (
          <span id={`${inputId}-error`} className="rg-error">
            {error}
          </span>
        )}
      </span>
    );
  };
  return (
    <form className="rg-inline-form rg-leg-editor" data-testid="rg-leg-editor" aria-label={`Legs of ${name}`} onSubmit={submit} noValidate>
      <div className="rg-leg-head" aria-hidden="true">
        <span>C/P</span>
        <span>Strike</span>
        <span>Expiry</span>
        <span>Qty</span>
        <span>Price</span>
        <span />
      </div>
      {rows.map((r, i) => (
        <div key={i} className="rg-leg-row" data-testid="rg-leg-row">
          <span className="rg-leg-field">
            <label htmlFor={`${id}-${i}-right`} className="visually-hidden">{`Call or put, leg ${i + 1} of ${name}`}</label>
            <select id={`${id}-${i}-right`} value={r.right} data-field="right" onChange={(e) => update(i, { right: e.target.value === 'put' ? 'put' : 'call' })}>
              <option value="call">C</option>
              <option value="put">P</option>
            </select>
          </span>
          {input(i, 'strike', 'Strike', { inputMode: 'decimal' })}
          {input(i, 'expiry', 'Expiry', { type: 'date' })}
          {input(i, 'ratio', 'Contracts per spread, negative short', { inputMode: 'numeric', className: 'rg-leg-qty' })}
          {input(i, 'price', 'Price per unit', { inputMode: 'decimal' })}
          <button type="button" className="rg-btn rg-icon" aria-label={`Remove leg ${i + 1} of ${name}`} disabled={rows.length <= 1} onClick={() => setRows((all) => all.filter((_, j) => j !== i))}>
            ×
          </button>
        </div>
      ))}
      {errors['(root)'] !== undefined && (
        <span className="rg-error" role="alert">
          {errors['(root)']}
        </span>
      )}
      <div className="rg-log-actions">
        <button type="button" className="rg-btn" disabled={rows.length >= 8} onClick={() => setRows((all) => [...all, blankLike(all[all.length - 1])])}>
          Add leg
        </button>
        <span className="rg-hint mono">{Number.isFinite(net) ? `net ${net >= 0 ? 'debit' : 'credit'} ${Math.abs(net).toFixed(2)}` : ''}</span>
        <button type="submit" className="rg-btn" data-testid="rg-leg-apply">
          Apply
        </button>
        <button type="button" className="rg-btn" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
