import { useRef, type KeyboardEvent } from 'react';
import { PanelFrame } from './panel-content';
import { PANEL_GUIDE, type PanelId } from './panel-guide';
import { rovingIndex } from './roving';

/**
 * The narrow-screen workspace: a row of tabs (scrolling sideways when it does not fit) and one
 * panel below at full height. Only the shown panel is mounted, so a phone runs one panel's
 * rendering, not eight.
 */
export function TabbedLayout({ active, onSelect }: { active: PanelId; onSelect: (id: PanelId) => void }) {
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const at = PANEL_GUIDE.findIndex((p) => p.id === active);
  const onKeyDown = (event: KeyboardEvent) => {
    const next = rovingIndex(at, event.key, PANEL_GUIDE.length);
    const panel = next === undefined ? undefined : PANEL_GUIDE[next];
    if (next === undefined || panel === undefined) return;
    event.preventDefault();
    onSelect(panel.id);
    tabs.current[next]?.focus();
  };
  return (
    <div className="tabbed-layout">
      <div className="panel-tabs" role="tablist" aria-label="Panels" data-testid="panel-tabs" onKeyDown={onKeyDown}>
        {PANEL_GUIDE.map((panel, i) => (
          <button
            key={panel.id}
            ref={(el) => {
              tabs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${panel.id}`}
            className="panel-tab"
            data-panel={panel.id}
            aria-selected={panel.id === active}
            aria-controls="panel-tabpanel"
            tabIndex={panel.id === active ? 0 : -1}
            onClick={() => onSelect(panel.id)}
          >
            {panel.tab}
          </button>
        ))}
      </div>
      <div className="panel-tabpanel" id="panel-tabpanel" role="tabpanel" aria-labelledby={`tab-${active}`}>
        <PanelFrame key={active} id={active} />
      </div>
    </div>
  );
}
