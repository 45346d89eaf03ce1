import type { ReactNode } from 'react';
import { useId } from 'react';
import { VOL_MAX, VOL_MIN, roundCents, type SliderRange } from './risk-scenario';

interface RiskSlidersProps {
  spotRange: SliderRange;
  whatIfSpot: number;
  following: boolean;
  liveKnown: boolean;
  onSpot: (value: number) => void;
  onFollow: () => void;
  daysRange: SliderRange;
  days: number;
  maxDays: number;
  onDays: (value: number) => void;
  vol: number;
  volChanged: boolean;
  onVol: (value: number) => void;
  onVolReset: () => void;
}

/** The what-if sliders: spot (range and step from the expected move), days forward, IV. */
export function RiskSliders(p: RiskSlidersProps) {
  const ids = useId();
  const atExpiry = p.days >= p.maxDays;
  return (
    <div className="rg-sliders" data-testid="rg-sliders">
      <RangeField
        id={`${ids}-spot`}
        label="What-if spot"
        testId="slider-spot"
        range={p.spotRange}
        value={p.whatIfSpot}
        valueText={`${p.whatIfSpot.toFixed(2)}${p.following ? ', following live spot' : ''}`}
        shown={p.whatIfSpot.toFixed(2)}
        onChange={p.onSpot}
      >
        <button type="button" className="rg-btn rg-follow" aria-pressed={p.following} disabled={!p.liveKnown} onClick={p.onFollow}>
          Follow live
        </button>
      </RangeField>
      <RangeField
        id={`${ids}-days`}
        label="Days forward"
        testId="slider-days"
        range={p.daysRange}
        value={p.days}
        disabled={p.daysRange.max === 0}
        valueText={`${p.days.toFixed(2)} days${atExpiry ? ', at expiry' : ''}`}
        shown={atExpiry ? 'expiry' : `${p.days.toFixed(2)}d`}
        onChange={p.onDays}
      >
        <span className="rg-hint mono">of {p.maxDays.toFixed(2)}d</span>
      </RangeField>
      <RangeField
        id={`${ids}-iv`}
        label="IV"
        testId="slider-iv"
        range={{ min: VOL_MIN * 100, max: VOL_MAX * 100, step: 0.5 }}
        value={roundCents(p.vol * 100)}
        valueText={`${(p.vol * 100).toFixed(1)} percent`}
        shown={`${(p.vol * 100).toFixed(1)}%`}
        onChange={(value) => p.onVol(value / 100)}
      >
        <button type="button" className="rg-btn" disabled={!p.volChanged} onClick={p.onVolReset} aria-label="Reset IV to the positions' IV">
          Reset
        </button>
      </RangeField>
    </div>
  );
}

interface RangeFieldProps {
  id: string;
  label: string;
  testId: string;
  range: SliderRange;
  value: number;
  disabled?: boolean;
  /** What a screen reader announces for the value. */
  valueText: string;
  /** The value as shown beside the slider. */
  shown: string;
  onChange: (value: number) => void;
  /** Controls after the value (reset buttons, hints). */
  children?: ReactNode;
}

/** One labelled what-if slider with its value readout. */
function RangeField({ id, label, testId, range, value, disabled, valueText, shown, onChange, children }: RangeFieldProps) {
  return (
    <div className="rg-slider">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="range"
        data-testid={testId}
        min={range.min}
        max={range.max}
        step={range.step}
        value={value}
        disabled={disabled}
        aria-valuetext={valueText}
        onChange={(e) => onChange(Number(e.target.value))}
      />
      <output className="mono" htmlFor={id}>
        {shown}
      </output>
      {children}
    </div>
  );
}
