import type { ReactNode } from 'react';
import { Group, Panel, Separator, type Layout } from 'react-resizable-panels';
import { CandlesPanel } from '../panels/candles/CandlesPanel';
import { HeatmapPanel } from '../panels/heatmap/HeatmapPanel';
import { RiskGraphPanel } from '../panels/risk-graph/RiskGraphPanel';
import { GexPanel } from '../panels/gex/GexPanel';
import { MarketModePanel } from '../panels/market-mode/MarketModePanel';
import { SelectorPanel } from '../panels/selector/SelectorPanel';
import { IntelPanel } from '../panels/intel/IntelPanel';
import { VexyPanel } from '../panels/vexy/VexyPanel';


export type SavedLayouts = Partial<Record<string, Layout>>;

interface LayoutProps {
  layouts: SavedLayouts;
  onLayout: (groupId: string, layout: Layout) => void;
}

/** A titled panel: a landmark region with a heading, so keyboard and screen-reader users can jump between panels. */
function PanelFrame({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="ws-panel" aria-labelledby={`${id}-title`}>
      <h2 className="ws-panel-title" id={`${id}-title`}>
        {title}
      </h2>
      <div className="ws-panel-body">{children}</div>
    </section>
  );
}

function ResizeHandle({ label }: { label: string }) {
  return <Separator className="resize-handle" aria-label={`Resize ${label}`} />;
}

/**
 * The workspace grid: resizable, and each group's sizes are saved per user (profile preferences)
 * once a drag ends.
 */
export function WorkspaceLayout({ layouts, onLayout }: LayoutProps) {
  const group = (id: string) => ({
    id,
    defaultLayout: layouts[id],
    onLayoutChanged: (layout: Layout, meta: { isUserInteraction: boolean }) => {
      if (meta.isUserInteraction) onLayout(id, layout);
    },
  });
  return (
    <Group orientation="vertical" className="workspace-grid" {...group('rows')}>
      <Panel id="top" defaultSize="68" minSize="30">
        <Group orientation="horizontal" {...group('top')}>
          <Panel id="charts" defaultSize="32" minSize="15">
            <Group orientation="vertical" {...group('charts')}>
              <Panel id="candles" defaultSize="45" minSize="20">
                <PanelFrame id="candles" title="Candles">
                  <CandlesPanel />
                </PanelFrame>
              </Panel>
              <ResizeHandle label="candles and GEX" />
              <Panel id="gex" defaultSize="35" minSize="15">
                <PanelFrame id="gex" title="GEX by strike">
                  <GexPanel />
                </PanelFrame>
              </Panel>
              <ResizeHandle label="GEX and market mode" />
              <Panel id="mode" minSize="12">
                <PanelFrame id="mode" title="Market mode">
                  <MarketModePanel />
                </PanelFrame>
              </Panel>
            </Group>
          </Panel>
          <ResizeHandle label="charts and heatmap" />
          <Panel id="heatmap" defaultSize="38" minSize="20">
            <PanelFrame id="heatmap" title="Heatmap">
              <HeatmapPanel />
            </PanelFrame>
          </Panel>
          <ResizeHandle label="heatmap and side panels" />
          <Panel id="side" minSize="15">
            <Group orientation="vertical" {...group('side')}>
              <Panel id="risk" defaultSize="62" minSize="25">
                <PanelFrame id="risk" title="Risk graph">
                  <RiskGraphPanel />
                </PanelFrame>
              </Panel>
              <ResizeHandle label="risk graph and trade ideas" />
              <Panel id="selector" minSize="10">
                <PanelFrame id="selector" title="Trade ideas">
                  <SelectorPanel />
                </PanelFrame>
              </Panel>
            </Group>
          </Panel>
        </Group>
      </Panel>
      <ResizeHandle label="top and bottom rows" />
      <Panel id="bottom" minSize="12">
        <Group orientation="horizontal" {...group('bottom')}>
          <Panel id="intel" defaultSize="55" minSize="20">
            <PanelFrame id="intel" title="Intel">
              <IntelPanel />
            </PanelFrame>
          </Panel>
          <ResizeHandle label="intel and vexy" />
          <Panel id="vexy" minSize="20">
            <PanelFrame id="vexy" title="Vexy commentary">
              <VexyPanel />
            </PanelFrame>
          </Panel>
        </Group>
      </Panel>
    </Group>
  );
}
