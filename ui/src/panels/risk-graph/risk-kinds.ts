import type { RiskPositionKind } from '../../risk/risk-position';

/** How the graph and the list name each kind of position (the styles: `.rg-line-<kind>`, `.rg-kind-<kind>`). */
export const KIND_LABEL: Readonly<Record<RiskPositionKind, string>> = { open: 'Open trade', saved: 'Saved', whatif: 'What-if' };
