import { OPTIONABLE_SYMBOLS } from '@marketswarm/shared/models';
import './NoOptions.css';

/** Says at once that `symbol` has no options here, instead of waiting for a model that never comes. */
export function NoOptions({ symbol, what }: { symbol: string; what: string }) {
  return (
    <p className="no-options" role="status" data-testid="no-options">
      {symbol} has no listed options here, so there {what.endsWith('s') ? 'are' : 'is'} no {what} for it. Pick {OPTIONABLE_SYMBOLS.join(', ')}.
    </p>
  );
}
