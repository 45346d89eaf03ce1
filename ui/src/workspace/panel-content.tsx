import type { ReactNode } from 'react';
import { CandlesPanel } from '../panels/candles/CandlesPanel';
import { HeatmapPanel } from '../panels/heatmap/HeatmapPanel';
import { RiskGraphPanel } from '../panels/risk-graph/RiskGraphPanel';
import { GexPanel } from '../panels/gex/GexPanel';
import { MarketModePanel } from '../panels/market-mode/MarketModePanel';
import { SelectorPanel } from '../panels/selector/SelectorPanel';
import { IntelPanel } from '../panels/intel/IntelPanel';
import { VexyPanel } from '../panels/vexy/VexyPanel';
import { CommentaryTabs } from '../panels/commentary/CommentaryTabs';
import { panelGuide, type PanelId } from './panel-guide';

/** The component of each panel, shared by the grid and the phone's tabs. */
export function panelContent(id: PanelId): ReactNode {
  switch (id) {
    case 'candles':
      return <CandlesPanel />;
    case 'gex':
      return <GexPanel />;
    case 'mode':
      return <MarketModePanel />;
    case 'heatmap':
      return <HeatmapPanel />;
    case 'risk':
      return <RiskGraphPanel />;
    case 'selector':
      return <SelectorPanel />;
    case 'intel':
      return <IntelPanel />;
    case 'vexy':
      return <CommentaryTabs vexy={<VexyPanel />} />;
  }
}

/** The element id a panel's frame carries, for focusing it from a shortcut. */
export const panelFrameId = (id: PanelId) => `panel-${id}`;

/**
 * One titled region: a landmark with a heading, so keyboard and screen-reader users can jump
 * between panels, and a body that scrolls inside its own box.
 */
export function PanelFrame({ id }: { id: PanelId }) {
  return (
    <section className="ws-panel" id={panelFrameId(id)} aria-labelledby={`${id}-title`} tabIndex={-1}>
      <h2 className="ws-panel-title" id={`${id}-title`}>
        {panelGuide(id).title}
      </h2>
      <div className="ws-panel-body">{panelContent(id)}</div>
    </section>
  );
}
