import { useKeyed } from '../stores/hooks';
import { MARKET_WIDE } from '../stores/workspace-stores';
import { useWorkspace } from './workspace-context';

/** The workspace symbol's market mode, at a glance in the header. */
export function ModeBadge() {
  const { stores, symbol } = useWorkspace();
  const own = useKeyed(stores.mode, symbol);
  const marketWide = useKeyed(stores.mode, MARKET_WIDE);
  const mode = own ?? marketWide;
  if (!mode) return null;
  return (
    <span className={`mode-badge mode-${mode.mode}`} data-testid="mode-badge" title={`Market mode score ${mode.score.toFixed(0)} / 100`}>
      {mode.mode}
    </span>
  );
}
