import { useQueryClient } from '@tanstack/react-query';
import { startTransition, useCallback, useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type { Layout } from 'react-resizable-panels';
import type { UserDto } from '@marketswarm/shared/dto';
import { setSessionUser } from '../auth/session';
import { AlertsToasts } from '../panels/alerts/AlertsToasts';
import { useConnection } from '../stores/hooks';
import { workspaceStreams } from '../stream/stream-plan';
import { headerSymbols } from './SpotStrip';
import { WorkspaceHeader } from './WorkspaceHeader';
import { usePreferences } from './use-preferences';
import { WorkspaceContext, type Workspace } from './workspace-context';
import { WorkspaceLayout } from './WorkspaceLayout';
import { TabbedLayout } from './TabbedLayout';
import { LAYOUT_PREFERENCE_KEY, readSavedLayouts, type SavedLayouts } from './layout-preference';
import { useLayoutMode } from './use-layout-mode';
import { useShortcuts } from './use-shortcuts';
import { ShortcutsDialog } from './ShortcutsDialog';
import { panelFrameId } from './panel-content';
import type { PanelId } from './panel-guide';
import { startSymbol } from './start-symbol';
import { createWorkspaceRuntime, type WorkspaceRuntime } from './workspace-runtime';
import { createWorkspaceCommands } from './workspace-commands';
import { readUserSettings } from '@marketswarm/shared/dto';
import './workspace.css';

/** The signed-in trader's workspace: owns the streams for as long as it is on screen. */
export function WorkspacePage({ user }: { user: UserDto }) {
  const [runtime, setRuntime] = useState<WorkspaceRuntime | null>(null);
  const [symbolAtStart] = useState(() => startSymbol(user.preferences));
  useEffect(() => {
    const created = createWorkspaceRuntime(symbolAtStart);
    setRuntime(created);
    return () => created.dispose();
  }, [symbolAtStart]);
  if (!runtime) return <div className="workspace-loading">Connecting…</div>;
  return <Workspace user={user} runtime={runtime} initialSymbol={symbolAtStart} />;
}

function Workspace({ user, runtime, initialSymbol }: { user: UserDto; runtime: WorkspaceRuntime; initialSymbol: string }) {
  const { preferences, save } = usePreferences(user);
  const [symbol, setSymbolState] = useState(initialSymbol);
  const setSymbol = useCallback(
    (next: string) => {
      setSymbolState(next);
      save('symbol', next);
    },
    [save],
  );
  const [layouts] = useState<SavedLayouts>(() => readSavedLayouts(preferences));
  const onLayout = useCallback(
    (groupId: string, layout: Layout) => {
      layouts[groupId] = layout;
      save(LAYOUT_PREFERENCE_KEY, { ...layouts } as Record<string, Record<string, number>>);
    },
    [layouts, save],
  );
  const mode = useLayoutMode();
  const [tab, setTab] = useState<PanelId>('candles');
  const [helpOpen, setHelpOpen] = useState(false);

  useEffect(() => runtime.hub.setPlan(workspaceStreams(symbol)), [runtime, symbol]);
  // The header (live prices, pulse) renders first; the panels mount in a transition that a live
  // tick can interrupt, so the first price is not held up by a hundred milliseconds of mounting.
  const [panelsShown, setPanelsShown] = useState(false);
  useEffect(() => startTransition(() => setPanelsShown(true)), []);
  useSessionEnd(runtime);

  const [commands] = useState(createWorkspaceCommands);
  const settings = useMemo(() => readUserSettings(user.preferences), [user.preferences]);
  const workspace = useMemo<Workspace>(
    () => ({ hub: runtime.hub, stores: runtime.stores, whatIf: runtime.whatIf, symbol, setSymbol, commands, settings }),
    [runtime, symbol, setSymbol, commands, settings],
  );
  const focusPanel = useCallback((id: PanelId) => {
    setTab(id);
    // After the tab's panel has mounted (on a phone only the shown one is).
    requestAnimationFrame(() => document.getElementById(panelFrameId(id))?.focus());
  }, []);
  const openHelp = useCallback(() => setHelpOpen(true), []);
  useShortcuts({ commands, symbols: () => headerSymbols(runtime.stores.spot.getAll()), symbol, setSymbol, focusPanel, openHelp });
  const closeHelp = useCallback(() => setHelpOpen(false), []);
  return (
    <WorkspaceContext.Provider value={workspace}>
      <div className="workspace" data-testid="workspace" data-symbol={symbol} data-layout={mode}>
        <a className="skip-link" href="#workspace-main">
          Skip to panels
        </a>
        <WorkspaceHeader user={user} hub={runtime.hub} symbol={symbol} mode={mode} onShortcuts={openHelp} />
        <main id="workspace-main" className="workspace-main" tabIndex={-1}>
          {panelsShown ? mode === 'tabs' ? <TabbedLayout active={tab} onSelect={setTab} /> : <WorkspaceLayout layouts={layouts} onLayout={onLayout} /> : null}
        </main>
        <AlertsToasts />
        <ShortcutsDialog open={helpOpen} onClose={closeHelp} />
      </div>
    </WorkspaceContext.Provider>
  );
}

/** When the gateway ends the streams for a gone session, go to sign-in and say why. */
function useSessionEnd(runtime: WorkspaceRuntime): void {
  const connection = useConnection(runtime.hub);
  const client = useQueryClient();
  const navigate = useNavigate();
  useEffect(() => {
    if (connection.status !== 'signed-out') return;
    setSessionUser(client, null);
    void navigate(`/signin?reason=${connection.endReason === 'expired' ? 'expired' : 'signed-out'}`, { replace: true });
  }, [connection.status, connection.endReason, client, navigate]);
}
