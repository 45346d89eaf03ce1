import { Group, Panel, Separator, type Layout } from 'react-resizable-panels';
import type { SavedLayouts } from './layout-preference';
import { PanelFrame } from './panel-content';
import type { PanelId } from './panel-guide';

interface LayoutProps {
  layouts: SavedLayouts;
  onLayout: (groupId: string, layout: Layout) => void;
}

function FramedPanel({ id, defaultSize, minSize }: { id: PanelId; defaultSize: string; minSize: string }) {
  return (
    <Panel id={id} minSize={minSize} defaultSize={defaultSize}>
      <PanelFrame id={id} />
    </Panel>
  );
}

function ResizeHandle({ label }: { label: string }) {
  return <Separator className="resize-handle" aria-label={`Resize ${label}`} />;
}

/**
 * The workspace grid, resizable, each group's sizes saved per user once a drag ends (the groups
 * and their panels are listed in layout-preference.ts). The top row: the candles over GEX, the
 * heatmap, and the risk graph in the widest column, so at 1280×800 its chart and its side column
 * of sliders and positions sit side by side (about 620 × 420 px). The bottom row: market mode's
 * gauge beside the reading panels, where it has the height a third of a column never gave it.
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
      <Panel id="top" defaultSize="63" minSize="35">
        <Group orientation="horizontal" {...group('top')}>
          <Panel id="charts" defaultSize="24" minSize="14">
            <Group orientation="vertical" {...group('charts')}>
              <FramedPanel id="candles" defaultSize="56" minSize="30" />
              <ResizeHandle label="candles and GEX" />
              <FramedPanel id="gex" defaultSize="44" minSize="25" />
            </Group>
          </Panel>
          <ResizeHandle label="charts and heatmap" />
          <FramedPanel id="heatmap" defaultSize="27" minSize="16" />
          <ResizeHandle label="heatmap and risk graph" />
          <FramedPanel id="risk" defaultSize="49" minSize="30" />
        </Group>
      </Panel>
      <ResizeHandle label="top and bottom rows" />
      <Panel id="bottom" defaultSize="37" minSize="12">
        <Group orientation="horizontal" {...group('bottom')}>
          <FramedPanel id="mode" defaultSize="20" minSize="12" />
          <ResizeHandle label="market mode and trade ideas" />
          <FramedPanel id="selector" defaultSize="34" minSize="15" />
          <ResizeHandle label="trade ideas and intel" />
          <FramedPanel id="intel" defaultSize="23" minSize="12" />
          <ResizeHandle label="intel and commentary" />
          <FramedPanel id="vexy" defaultSize="23" minSize="12" />
        </Group>
      </Panel>
    </Group>
  );
}
