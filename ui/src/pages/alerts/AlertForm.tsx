import { ALERT_DEFAULT_COOLDOWN_SEC, ALERT_MIN_COOLDOWN_SEC, alertKinds, type AlertKind, type SavedPositionDto } from '@marketswarm/shared/dto';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { FieldErrors } from '../../auth/form-issues';
import { defaultAlertForm, type AlertFormValues } from '../../alerts-api/alert-form';
import { KIND_NAMES } from '../../alerts-api/alert-wording';

/** Fields typed as text, and fields chosen from a list. */
type TextField = 'label' | 'cooldownSec' | 'symbol' | 'level' | 'positionId' | 'tradeId' | 'target' | 'value' | 'trail';
type ChoiceField = 'direction' | 'ref' | 'greek' | 'op' | 'side' | 'trailUnit' | 'behaviour';

export type FormOutcome = { ok: true } | { ok: false; fields: FieldErrors; message: string };

interface AlertFormProps {
  mode: 'create' | 'edit';
  initial: AlertFormValues;
  /** Saved positions to pick from for the kinds that watch a position. */
  positions: readonly SavedPositionDto[];
  onSubmit: (values: AlertFormValues) => Promise<FormOutcome>;
  onCancel?: () => void;
  /** Specs show messages without submitting. */
  initialErrors?: FieldErrors;
}

/**
 * Creates an alert of any kind (price by default) or edits one (its kind fixed): the fields of the
 * chosen kind, the behaviour on a hit, and a cooldown for a repeating alert. Messages come from the
 * journal's own schema, under the field they are about.
 */
export function AlertForm({ mode, initial, positions, onSubmit, onCancel, initialErrors = {} }: AlertFormProps) {
  const id = useId();
  const [v, setV] = useState<AlertFormValues>(initial);
  const [errors, setErrors] = useState<FieldErrors>(initialErrors);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof AlertFormValues>(key: K, value: AlertFormValues[K]): void => setV((old) => ({ ...old, [key]: value }));

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    const outcome = await onSubmit(v);
    setBusy(false);
    if (outcome.ok) {
      setErrors({});
      setMessage(mode === 'create' ? 'Alert created.' : '');
      if (mode === 'create') setV((old) => ({ ...defaultAlertForm(old.symbol, old.kind), behaviour: old.behaviour }));
    } else {
      setErrors(outcome.fields);
      setMessage(outcome.message);
    }
  };

  const f = (name: string, label: string, control: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined }) => ReactNode) => (
    <div className="alerts-field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      {control({ id: `${id}-${name}`, 'aria-invalid': errors[name] !== undefined, 'aria-describedby': errors[name] === undefined ? undefined : `${id}-${name}-error` })}
      {errors[name] !== undefined && (
        <span id={`${id}-${name}-error`} className="alerts-error" data-testid={`alert-error-${name}`}>
          {errors[name]}
        </span>
      )}
    </div>
  );
  const textInput = (name: TextField, label: string, extra: { inputMode?: 'decimal' | 'numeric'; placeholder?: string } = {}) =>
    f(name, label, (p) => <input {...p} name={name} {...extra} value={v[name]} onChange={(e) => set(name, e.target.value)} />);
  const select = <K extends ChoiceField>(name: K, label: string, options: readonly (readonly [AlertFormValues[K], string])[]) =>
    f(name, label, (p) => (
      <select {...p} name={name} value={v[name]} onChange={(e) => set(name, e.target.value as AlertFormValues[K])}>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    ));
  const direction = select('direction', 'When it', [
    ['above', 'rises to or above'],
    ['below', 'falls to or below'],
    ['cross', 'crosses'],
  ]);
  const positionPicker = f('positionId', 'Saved position', (p) => (
    <select {...p} name="positionId" value={v.positionId} onChange={(e) => set('positionId', e.target.value)}>
      <option value="">Choose…</option>
      {positions.map((s) => (
        <option key={s.id} value={s.id}>
          {s.name}
        </option>
      ))}
    </select>
  ));
  const reference = (
    <>
      {select('ref', 'Watch', [
        ['position', 'a saved position'],
        ['trade', 'an open trade'],
      ])}
      {v.ref === 'position' ? positionPicker : textInput('tradeId', 'Trade id', { placeholder: 'from /trades' })}
    </>
  );

  let kindFields: ReactNode;
  switch (v.kind) {
    case 'price':
      kindFields = (
        <>
          {textInput('symbol', 'Symbol')}
          {direction}
          {textInput('level', 'Level', { inputMode: 'decimal' })}
        </>
      );
      break;
    case 'spread-debit':
      kindFields = (
        <>
          {positionPicker}
          {direction}
          {textInput('target', 'Debit', { inputMode: 'decimal' })}
        </>
      );
      break;
    case 'position-pnl':
      kindFields = (
        <>
          {reference}
          {direction}
          {textInput('target', 'P&L ($)', { inputMode: 'decimal' })}
        </>
      );
      break;
    case 'greeks':
      kindFields = (
        <>
          {reference}
          {select('greek', 'Greek', [
            ['delta', 'delta'],
            ['gamma', 'gamma'],
            ['theta', 'theta'],
            ['vega', 'vega'],
          ])}
          {select('op', 'Is', [
            ['above', 'above'],
            ['below', 'below'],
          ])}
          {textInput('value', 'Value', { inputMode: 'decimal' })}
        </>
      );
      break;
    case 'trailing-stop':
      kindFields = (
        <>
          {textInput('symbol', 'Symbol')}
          {select('side', 'Protects a', [
            ['long', 'long (falls from its high)'],
            ['short', 'short (rises from its low)'],
          ])}
          {textInput('trail', 'Trail', { inputMode: 'decimal' })}
          {select('trailUnit', 'In', [
            ['points', 'points'],
            ['percent', 'percent'],
          ])}
        </>
      );
      break;
  }

  return (
    <form
      className="alerts-form"
      data-testid={mode === 'create' ? 'alerts-create-form' : 'alerts-edit-form'}
      aria-label={mode === 'create' ? 'New alert' : 'Edit alert'}
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      {mode === 'create' ? (
        f('kind', 'Kind', (p) => (
          <select {...p} name="kind" value={v.kind} onChange={(e) => set('kind', e.target.value as AlertKind)}>
            {alertKinds.map((k) => (
              <option key={k} value={k}>
                {KIND_NAMES[k]}
              </option>
            ))}
          </select>
        ))
      ) : (
        <p className="alerts-kind-fixed">{KIND_NAMES[v.kind]}</p>
      )}
      {kindFields}
      {select('behaviour', 'On a hit', [
        ['once', 'fire once, then disable'],
        ['repeat', 'repeat with a cooldown'],
        ['remove-on-hit', 'fire once, then delete'],
      ])}
      {v.behaviour === 'repeat' && textInput('cooldownSec', `Cooldown (s, ≥ ${ALERT_MIN_COOLDOWN_SEC})`, { inputMode: 'numeric', placeholder: String(ALERT_DEFAULT_COOLDOWN_SEC) })}
      {textInput('label', 'Label (optional)')}
      <div className="alerts-form-actions">
        <button type="submit" data-testid={mode === 'create' ? 'alert-create' : 'alert-save'} disabled={busy}>
          {mode === 'create' ? 'Create alert' : 'Save'}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
        <span className={message === 'Alert created.' ? 'muted' : 'alerts-error'} role="status">
          {message}
        </span>
      </div>
    </form>
  );
}
