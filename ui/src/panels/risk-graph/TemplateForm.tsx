import type { HeatmapTile, PositionLeg } from '@marketswarm/shared/models';
import { TEMPLATE_KINDS, expiryDateOf } from '@marketswarm/shared/models';
import { useId, useState, type FormEvent } from 'react';
import type { FieldErrors } from '../../auth/form-issues';
import { buildTemplate, defaultWidth, heatmapExpiries, heatmapPrice, type TemplateFields } from '../../risk/template-form';

const KIND_LABEL: Record<TemplateFields['kind'], string> = {
  single: 'Single',
  vertical: 'Vertical',
  butterfly: 'Butterfly',
  bwb: 'Broken-wing butterfly',
  'iron-fly': 'Iron fly',
  'iron-condor': 'Iron condor',
  calendar: 'Calendar',
};

interface TemplateFormProps {
  symbol: string;
  /** The symbol's heatmap tiles when the form opens: its single options price the legs. */
  tiles: readonly HeatmapTile[];
  spot: number | undefined;
  now: number;
  onCreate: (position: { name: string; legs: PositionLeg[]; quantity: number }) => void;
  onClose: () => void;
}

/** Builds a what-if from a strategy template (single, vertical, butterfly, broken-wing, iron fly or condor, calendar) priced at the live mids. */
export function TemplateForm({ symbol, tiles, spot, now, onCreate, onClose }: TemplateFormProps) {
  const id = useId();
  const expiries = heatmapExpiries(tiles);
  const [fields, setFields] = useState<TemplateFields>(() => ({
    kind: 'butterfly',
    type: 'call',
    direction: 'long',
    strike: spot === undefined ? '' : String(Math.round(spot / 5) * 5),
    width: String(defaultWidth(spot)),
    wing: '',
    expiry: expiries[0] === undefined ? '' : String(expiries[0].at),
    farExpiry: expiries[1] === undefined ? '' : String(expiries[1].at),
    quantity: '1',
  }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = (patch: Partial<TemplateFields>): void => setFields((f) => ({ ...f, ...patch }));
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    const built = buildTemplate(fields, heatmapPrice(tiles), now);
    if (!built.ok) {
      setErrors(built.errors);
      return;
    }
    setErrors({});
    onCreate(built);
  };
  const err = (name: string) =>
    errors[name] === undefined ? null : (
      <span id={`${id}-${name}-error`} className="rg-error">
        {errors[name]}
      </span>
    );
  const described = (name: string) => ({ 'aria-invalid': errors[name] !== undefined, 'aria-describedby': errors[name] === undefined ? undefined : `${id}-${name}-error` });
  const expiryOptions = expiries.map((x) => (
    <option key={x.at} value={String(x.at)}>
      {`${expiryDateOf(x.at)} (${x.dte}DTE)`}
    </option>
  ));
  const hasType = fields.kind !== 'iron-fly' && fields.kind !== 'iron-condor';
  const hasWing = fields.kind === 'bwb' || fields.kind === 'iron-condor';
  return (
    <form className="rg-inline-form rg-template-form" data-testid="rg-template-form" aria-label={`New ${symbol} position from a template`} onSubmit={submit} noValidate>
      <label htmlFor={`${id}-kind`}>Strategy</label>
      <select id={`${id}-kind`} value={fields.kind} onChange={(e) => set({ kind: TEMPLATE_KINDS.find((k) => k === e.target.value) ?? 'butterfly' })}>
        {TEMPLATE_KINDS.map((k) => (
          <option key={k} value={k}>
            {KIND_LABEL[k]}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-direction`}>Direction</label>
      <select id={`${id}-direction`} value={fields.direction} onChange={(e) => set({ direction: e.target.value === 'short' ? 'short' : 'long' })}>
        <option value="long">Long</option>
        <option value="short">Short</option>
      </select>
      {hasType && (
        <>
          <label htmlFor={`${id}-type`}>Call or put</label>
          <select id={`${id}-type`} value={fields.type} onChange={(e) => set({ type: e.target.value === 'put' ? 'put' : 'call' })}>
            <option value="call">Call</option>
            <option value="put">Put</option>
          </select>
        </>
      )}
      <label htmlFor={`${id}-strike`}>{fields.kind === 'single' || fields.kind === 'vertical' || fields.kind === 'calendar' ? 'Strike' : 'Centre strike'}</label>
      <input id={`${id}-strike`} className="mono" inputMode="decimal" value={fields.strike} onChange={(e) => set({ strike: e.target.value })} {...described('strike')} />
      {err('strike')}
      {fields.kind !== 'single' && fields.kind !== 'calendar' && (
        <>
          <label htmlFor={`${id}-width`}>Width</label>
          <input id={`${id}-width`} className="mono" inputMode="decimal" value={fields.width} onChange={(e) => set({ width: e.target.value })} {...described('width')} />
          {err('width')}
        </>
      )}
      {hasWing && (
        <>
          <label htmlFor={`${id}-wing`}>{fields.kind === 'bwb' ? 'Far wing' : 'Short strikes ± from centre'}</label>
          <input id={`${id}-wing`} className="mono" inputMode="decimal" placeholder="default" value={fields.wing} onChange={(e) => set({ wing: e.target.value })} {...described('wing')} />
          {err('wing')}
        </>
      )}
      <label htmlFor={`${id}-expiry`}>{fields.kind === 'calendar' ? 'Near expiry' : 'Expiry'}</label>
      <select id={`${id}-expiry`} value={fields.expiry} onChange={(e) => set({ expiry: e.target.value })} {...described('expiry')}>
        {expiries.length === 0 && <option value="">no live expiries</option>}
        {expiryOptions}
      </select>
      {err('expiry')}
      {fields.kind === 'calendar' && (
        <>
          <label htmlFor={`${id}-far`}>Far expiry</label>
          <select id={`${id}-far`} value={fields.farExpiry} onChange={(e) => set({ farExpiry: e.target.value })} {...described('farExpiry')}>
            <option value="">choose</option>
            {expiryOptions}
          </select>
          {err('farExpiry')}
        </>
      )}
      <label htmlFor={`${id}-qty`}>Quantity</label>
      <input id={`${id}-qty`} className="mono" inputMode="numeric" value={fields.quantity} onChange={(e) => set({ quantity: e.target.value })} {...described('quantity')} />
      {err('quantity')}
      <div className="rg-log-actions">
        <button type="submit" className="rg-btn" data-testid="rg-template-add">
          Add what-if
        </button>
        <button type="button" className="rg-btn" onClick={onClose}>
          Cancel
        </button>
        {errors['(root)'] !== undefined && (
          <span className="rg-error" role="alert">
            {errors['(root)']}
          </span>
        )}
      </div>
    </form>
  );
}
