import { MAX_CURVE_DATES, isChosen, type CurveDatePreset } from '../../risk/curve-dates';

interface CurveDateChooserProps {
  presets: readonly CurveDatePreset[];
  /** The chosen dates still drawn, each with its legend name. */
  chosen: readonly { at: number; label: string }[];
  onAdd: (at: number) => void;
  onRemove: (at: number) => void;
}

/** Adds or removes up to three T+n curves: hours for a position expiring today, days for a longer one. */
export function CurveDateChooser({ presets, chosen, onAdd, onRemove }: CurveDateChooserProps) {
  const full = chosen.length >= MAX_CURVE_DATES;
  return (
    <div className="rg-dates" role="group" aria-label="T+n curves" data-testid="rg-dates">
      <span className="rg-dates-title">T+n</span>
      {chosen.map((d) => (
        <span key={d.at} className="rg-date-chip mono" data-testid="rg-date-chip" data-at={d.at}>
          {d.label}
          <button type="button" className="rg-btn rg-icon" aria-label={`Remove the curve ${d.label}`} onClick={() => onRemove(d.at)}>
            ×
          </button>
        </span>
      ))}
      {presets.map((p) => {
        const taken = isChosen(
          chosen.map((d) => d.at),
          p.at,
        );
        return (
          <button
            key={p.label}
            type="button"
            className="rg-btn rg-date-add"
            data-testid="rg-date-add"
            disabled={taken || full}
            aria-label={`Add a curve at ${p.label}`}
            title={full ? `At most ${MAX_CURVE_DATES} dates` : undefined}
            onClick={() => onAdd(p.at)}
          >
            + {p.label}
          </button>
        );
      })}
    </div>
  );
}
