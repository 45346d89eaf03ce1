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
import { CommentaryTabs } from '../panels/commentary/CommentaryTabs';


export type SavedLayouts = Partial<Record<string, Layout>>;

interface LayoutProps {
  layouts: SavedLayouts;
  onLayout: (groupId: string, layout: Layout) => void;
}

/**
 * A resizable panel holding one titled region: a landmark with a heading, so keyboard and
 * screen-reader users can jump between panels.
 */
function FramedPanel({ id, title, defaultSize, minSize, children }: { id: string; title: string; defaultSize?: string; minSize: string; children: ReactNode }) {
  return (
    <Panel id={id} minSize={minSize} {...(defaultSize === undefined ? {} : { defaultSize })}>
      <section className="ws-panel" aria-labelledby={`${id}-title`}>
        <h2 className="ws-panel-title" id={`${id}-title`}>
          {title}
        </h2>
        <div className="ws-panel-body">{children}</div>
      </section>
    </Panel>
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
              <FramedPanel id="candles" title="Candles" defaultSize="45" minSize="20">
                <CandlesPanel />
              </FramedPanel>
              <ResizeHandle label="candles and GEX" />
              <FramedPanel id="gex" title="GEX by strike" defaultSize="35" minSize="15">
                <GexPanel />
              </FramedPanel>
              <ResizeHandle label="GEX and market mode" />
              <FramedPanel id="mode" title="Market mode" minSize="12">
                <MarketModePanel />
              </FramedPanel>
            </Group>
          </Panel>
          <ResizeHandle label="charts and heatmap" />
          <FramedPanel id="heatmap" title="Heatmap" defaultSize="38" minSize="20">
            <HeatmapPanel />
          </FramedPanel>
          <ResizeHandle label="heatmap and side panels" />
          <Panel id="side" minSize="15">
            <Group orientation="vertical" {...group('side')}>
              <FramedPanel id="risk" title="Risk graph" defaultSize="62" minSize="25">
                <RiskGraphPanel />
              </FramedPanel>
              <ResizeHandle label="risk graph and trade ideas" />
              <FramedPanel id="selector" title="Trade ideas" minSize="10">
                <SelectorPanel />
              </FramedPanel>
            </Group>
          </Panel>
        </Group>
      </Panel>
      <ResizeHandle label="top and bottom rows" />
      <Panel id="bottom" minSize="12">
        <Group orientation="horizontal" {...group('bottom')}>
          <FramedPanel id="intel" title="Intel" defaultSize="55" minSize="20">
            <IntelPanel />
          </FramedPanel>
          <ResizeHandle label="intel and vexy" />
          <FramedPanel id="vexy" title="Commentary" minSize="20">
            <CommentaryTabs vexy={<VexyPanel />} />
          </FramedPanel>
        </Group>
      </Panel>
    </Group>
  );
}
