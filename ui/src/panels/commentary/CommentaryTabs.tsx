import { lazy, Suspense, useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import './commentary.css';

/** The Copilot tab's panel and its socket: loaded the first time the tab is opened. */
const CommentaryPanel = lazy(() => import('./CommentaryPanel'));

export type CommentaryTab = 'vexy' | 'copilot';
const TABS: readonly { id: CommentaryTab; label: string }[] = [
  { id: 'vexy', label: 'Vexy' },
  { id: 'copilot', label: 'Copilot' },
];
/** The tab last chosen in this browser. */
export const COMMENTARY_TAB_KEY = 'ms.commentary.tab';

function savedTab(): CommentaryTab {
  try {
    return localStorage.getItem(COMMENTARY_TAB_KEY) === 'copilot' ? 'copilot' : 'vexy';
  } catch {
    return 'vexy';
  }
}

/** "Vexy | Copilot" in one workspace panel: vexy's feed and the copilot's commentary. */
export function CommentaryTabs({ vexy }: { vexy: ReactNode }) {
  const [tab, setTab] = useState<CommentaryTab>(savedTab);
  const choose = (next: CommentaryTab): void => {
    setTab(next);
    try {
      localStorage.setItem(COMMENTARY_TAB_KEY, next);
    } catch {
      // storage blocked: the choice lasts for this page
    }
  };
  return <CommentaryTabsView tab={tab} onTab={choose} vexy={vexy} copilot={<CommentaryPanel />} />;
}

export interface CommentaryTabsViewProps {
  tab: CommentaryTab;
  onTab: (tab: CommentaryTab) => void;
  vexy: ReactNode;
  copilot: ReactNode;
}

export function CommentaryTabsView({ tab, onTab, vexy, copilot }: CommentaryTabsViewProps) {
  const id = useId();
  // Once opened, the Copilot tab stays mounted (hidden), so its socket and items survive a look at vexy.
  const [copilotSeen, setCopilotSeen] = useState(tab === 'copilot');
  if (tab === 'copilot' && !copilotSeen) setCopilotSeen(true);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    const next = tab === 'vexy' ? 'copilot' : 'vexy';
    onTab(next);
    document.getElementById(`${id}-${next}-tab`)?.focus();
  };
  return (
    <div className="commentary-tabs">
      <div className="commentary-tablist" role="tablist" aria-label="Commentary" onKeyDown={onKeyDown}>
        {TABS.map((t) => (
          <button
            key={t.id}
            id={`${id}-${t.id}-tab`}
            type="button"
            role="tab"
            data-testid={`commentary-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`${id}-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => onTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div id={`${id}-vexy`} role="tabpanel" aria-labelledby={`${id}-vexy-tab`} hidden={tab !== 'vexy'}>
        {tab === 'vexy' ? vexy : null}
      </div>
      <div id={`${id}-copilot`} role="tabpanel" aria-labelledby={`${id}-copilot-tab`} hidden={tab !== 'copilot'}>
        {copilotSeen ? <Suspense fallback={<p className="panel-empty">Loading the copilot…</p>}>{copilot}</Suspense> : null}
      </div>
    </div>
  );
}
