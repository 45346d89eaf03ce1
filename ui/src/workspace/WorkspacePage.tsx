import { useQueryClient } from '@tanstack/react-query';
import { startTransition, useCallback, useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type { Layout } from 'react-resizable-panels';
import type { UserDto } from '@marketswarm/shared/dto';
import { setSessionUser } from '../auth/session';
import { AlertsBell, AlertsToasts } from '../panels/alerts/AlertsToasts';
import { AppNav } from '../shell/AppNav';
import { SignOutButton } from '../shell/SignOutButton';
import { useConnection } from '../stores/hooks';
import { workspaceStreams } from '../stream/stream-plan';
import { ConnectionPulse } from './ConnectionPulse';
import { ModeBadge } from './ModeBadge';
import { SpotStrip } from './SpotStrip';
import { usePreferences } from './use-preferences';
import { WorkspaceContext, type Workspace } from './workspace-context';
import { WorkspaceLayout, type SavedLayouts } from './WorkspaceLayout';
import { createWorkspaceRuntime, type WorkspaceRuntime } from './workspace-runtime';
import { createWorkspaceCommands } from './workspace-commands';
import { readUserSettings } from '@marketswarm/shared/dto';
import './workspace.css';

const DEFAULT_SYMBOL = 'SPX';

/** The signed-in trader's workspace: owns the streams for as long as it is on screen. */
export function WorkspacePage({ user }: { user: UserDto }) {
  const [runtime, setRuntime] = useState<WorkspaceRuntime | null>(null);
  const [symbolAtStart] = useState(() => (typeof user.preferences['symbol'] === 'string' ? user.preferences['symbol'] : DEFAULT_SYMBOL));
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
  const [layouts] = useState<SavedLayouts>(() => (isLayouts(preferences['layout']) ? preferences['layout'] : {}));
  const onLayout = useCallback(
    (groupId: string, layout: Layout) => {
      layouts[groupId] = layout;
      save('layout', { ...layouts } as Record<string, Record<string, number>>);
    },
    [layouts, save],
  );

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
  return (
    <WorkspaceContext.Provider value={workspace}>
      <div className="workspace" data-testid="workspace" data-symbol={symbol}>
        <a className="skip-link" href="#workspace-main">
          Skip to panels
        </a>
        <header className="workspace-header">
          <span className="brand">MarketSwarm</span>
          <AppNav compact />
          <SpotStrip />
          <ModeBadge />
          <ConnectionPulse hub={runtime.hub} />
          <AlertsBell />
          <UserMenu user={user} runtime={runtime} />
        </header>
        <main id="workspace-main" className="workspace-main" tabIndex={-1}>
          {panelsShown ? <WorkspaceLayout layouts={layouts} onLayout={onLayout} /> : null}
        </main>
        <AlertsToasts />
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

function UserMenu({ user, runtime }: { user: UserDto; runtime: WorkspaceRuntime }) {
  return (
    <div className="user-menu">
      <span className="user-name" title={user.email}>
        {user.displayName}
      </span>
      <SignOutButton beforeClear={() => runtime.hub.close()} />
    </div>
  );
}

function isLayouts(value: unknown): value is SavedLayouts {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.values(value as Record<string, unknown>).every(
    (layout) => typeof layout === 'object' && layout !== null && Object.values(layout as Record<string, unknown>).every((n) => typeof n === 'number'),
  );
}
