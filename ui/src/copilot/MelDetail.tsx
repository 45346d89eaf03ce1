import type { MelModelScore, MelSnapshot } from '@marketswarm/shared/dto';
import { MEL_WEIGHTS } from '@marketswarm/shared/dto';
import { absoluteTime } from '../text/relative-time';
import { componentLabel, MEL_COHERENCE_LABEL, MEL_MODEL_LABEL, MEL_MODEL_ORDER } from './mel-labels';

const TREND_ARROW = { improving: '↑', stable: '→', degrading: '↓' } as const;

/**
 * The MEL detail popover: each model's score, state, trend, confidence and the sub-scores it is made
 * of. Its own chunk: loaded the first time the trader opens it, not with the header.
 */
export function MelDetail({ snapshot }: { snapshot: MelSnapshot }) {
  return (
    <div className="mel-detail" data-testid="mel-detail">
      <p className="mel-detail-summary">
        {snapshot.symbol} {snapshot.dte}DTE · weighted {snapshot.weighted.toFixed(0)} × {MEL_COHERENCE_LABEL[snapshot.coherence]} ={' '}
        <strong>{snapshot.globalIntegrity.toFixed(0)}</strong> · {absoluteTime(snapshot.ts)}
      </p>
      <ul className="mel-detail-models">
        {MEL_MODEL_ORDER.map((id) => (
          <ModelDetail key={id} score={snapshot.models[id]} weight={MEL_WEIGHTS[id]} />
        ))}
      </ul>
    </div>
  );
}

function ModelDetail({ score, weight }: { score: MelModelScore; weight: number }) {
  const components = Object.entries(score.components);
  return (
    <li className="mel-detail-model" data-testid="mel-detail-model" data-model={score.model} data-state={score.state}>
      <div className="mel-detail-head">
        <span className="mel-detail-name">{MEL_MODEL_LABEL[score.model]}</span>
        <span className="mel-detail-score">{score.score.toFixed(0)}</span>
        <span className="mel-state" data-state={score.state}>
          {score.state}
        </span>
        <span className="mel-detail-trend" title={`trend: ${score.trend}`}>
          {TREND_ARROW[score.trend]} {score.trend}
        </span>
        <span className="mel-detail-meta">
          confidence {Math.round(score.confidence * 100)}% · weight {Math.round(weight * 100)}%
        </span>
      </div>
      {components.length > 0 && (
        <dl className="mel-detail-components">
          {components.map(([key, value]) => (
            <div key={key}>
              <dt>{componentLabel(key)}</dt>
              <dd>{value.toFixed(0)}</dd>
            </div>
          ))}
        </dl>
      )}
    </li>
  );
}

export default MelDetail;
