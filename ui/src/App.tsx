import { lazy, Suspense, useEffect, useState, type ComponentType } from 'react';
import { BrowserRouter, Route, Routes, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { onUnauthorized } from './api/http';
import { queryClient } from './api/query-client';
import { AuthPage } from './auth/AuthPage';
import { setSessionUser } from './auth/session';
import { StatusPanel } from './components/StatusPanel';
import { JournalLayout } from './shell/JournalLayout';
import { NotFoundPage } from './shell/NotFoundPage';
import { RenderErrorBoundary } from './shell/RenderErrorBoundary';
import { RequireSession, useSessionUser } from './shell/RequireSession';
import { Splash } from './shell/Splash';
import { applyTheme, rememberedTheme } from './shell/apply-settings';
import type { WorkspacePage as WorkspacePageComponent } from './workspace/WorkspacePage';
import type { QueryClient } from '@tanstack/react-query';

/** What a page module may export to start its first request while the app boots. */
type RoutePrefetch = (client: QueryClient, search: URLSearchParams) => void;

// The workspace and its panels are a separate chunk: the sign-in and journal pages load without them.
// On `/` the chunk is fetched at once, alongside the session check, rather than after it.
// Once loaded, it renders directly: a lazy component always suspends on its first render, and
// React holds a Suspense fallback for ~300 ms, which would delay the first live tick by as much.
let workspaceModule: { WorkspacePage: typeof WorkspacePageComponent } | undefined;
const loadWorkspace = () => import('./workspace/WorkspacePage').then((m) => (workspaceModule = m));
if (typeof window !== 'undefined' && window.location.pathname === '/') void loadWorkspace();
const LazyWorkspacePage = lazy(() => loadWorkspace().then((m) => ({ default: m.WorkspacePage })));

/**
 * A journal page: one lazy chunk each, so neither the workspace nor the sign-in page carries them.
 * Opened directly (a reload, a bookmark) its chunk is fetched at once, alongside the session check,
 * rather than after it, and the page may start its first request then too (`prefetch`).
 * No Suspense: React holds a revealed boundary back ~300 ms after its fallback showed, which would
 * delay every page's first data by as much; the page renders itself as soon as its chunk is in.
 */
function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType> & { prefetch?: RoutePrefetch }>, name: K, path: RegExp): ComponentType {
  let loaded: ComponentType | undefined;
  let loading: ReturnType<typeof load> | undefined;
  const start = () =>
    (loading ??= load().then(
      (m) => {
        loaded = m[name];
        return m;
      },
      (error: unknown) => {
        // Forgotten, so a retry (the error boundary's) fetches it again.
        loading = undefined;
        throw error;
      },
    ));
  if (typeof window !== 'undefined' && path.test(window.location.pathname)) {
    const search = new URLSearchParams(window.location.search);
    start().then(
      (m) => m.prefetch?.(queryClient, search),
      () => undefined, // the page itself reports the failure when it renders
    );
  }
  return function LazyPage() {
    const [, setReady] = useState(false);
    const [failure, setFailure] = useState<{ error: unknown }>();
    useEffect(() => {
      if (!loaded) start().then(() => setReady(true), (error: unknown) => setFailure({ error }));
    }, []);
    // To the page's error boundary, which offers a reload (a chunk fails to load after a new deploy).
    if (failure) throw failure.error;
    const Page = loaded;
    return Page ? <Page /> : <Splash text="Loading the page…" />;
  };
}

const TradesPage = lazyPage(() => import('./pages/trades/TradesPage'), 'TradesPage', /^\/trades\/?$/);
const TradeDetailPage = lazyPage(() => import('./pages/trade-detail/TradeDetailPage'), 'TradeDetailPage', /^\/trades\/[^/]+$/);
const AnalyticsPage = lazyPage(() => import('./pages/analytics/AnalyticsPage'), 'AnalyticsPage', /^\/analytics/);
const ImportPage = lazyPage(() => import('./pages/import/ImportPage'), 'ImportPage', /^\/import/);
const JournalPage = lazyPage(() => import('./pages/journal/JournalPage'), 'JournalPage', /^\/journal\/?$/);
const JournalDayPage = lazyPage(() => import('./pages/journal/JournalDayPage'), 'JournalDayPage', /^\/journal\/\d{4}-/);
const RetrospectivesPage = lazyPage(() => import('./pages/journal/RetrospectivesPage'), 'RetrospectivesPage', /^\/journal\/retrospectives/);
const PlaybookPage = lazyPage(() => import('./pages/playbook/PlaybookPage'), 'PlaybookPage', /^\/playbook/);
const AlertsPage = lazyPage(() => import('./pages/alerts/AlertsPage'), 'AlertsPage', /^\/alerts/);
const OrdersPage = lazyPage(() => import('./pages/orders/OrdersPage'), 'OrdersPage', /^\/orders/);
const LeaderboardPage = lazyPage(() => import('./pages/leaderboard/LeaderboardPage'), 'LeaderboardPage', /^\/leaderboard/);
const SettingsPage = lazyPage(() => import('./pages/settings/SettingsPage'), 'SettingsPage', /^\/settings/);
const HelpPage = lazyPage(() => import('./pages/help/HelpPage'), 'HelpPage', /^\/help/);
const AdminPage = lazyPage(() => import('./pages/admin/AdminPage'), 'AdminPage', /^\/admin/);

// The theme this browser used last, before the session check answers with the profile's settings,
// so a light-theme trader does not see the page flash dark on every load.
applyTheme(rememberedTheme());

export function App() {
  return (
    <BrowserRouter>
      <SessionExpiry />
      <Routes>
        <Route path="/signin" element={<AuthPage mode="signin" />} />
        <Route path="/signup" element={<AuthPage mode="signup" />} />
        <Route path="/status" element={<StatusPage />} />
        <Route element={<RequireSession />}>
          <Route
            path="/"
            element={
              <RenderErrorBoundary name="workspace">
                <WorkspaceRoute />
              </RenderErrorBoundary>
            }
          />
          <Route element={<JournalLayout />}>
            <Route path="/trades" element={<TradesPage />} />
            <Route path="/trades/:id" element={<TradeDetailPage />} />
            <Route path="/analytics" element={<AnalyticsPage />} />
            <Route path="/import" element={<ImportPage />} />
            <Route path="/journal" element={<JournalPage />} />
            <Route path="/journal/retrospectives" element={<RetrospectivesPage />} />
            <Route path="/journal/:date" element={<JournalDayPage />} />
            <Route path="/playbook" element={<PlaybookPage />} />
            <Route path="/alerts" element={<AlertsPage />} />
            <Route path="/orders" element={<OrdersPage />} />
            <Route path="/leaderboard" element={<LeaderboardPage />} />
            <Route path="/settings" element={<SettingsPage />} />
            <Route path="/help" element={<HelpPage />} />
            <Route path="/admin" element={<AdminPage />} />
          </Route>
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </BrowserRouter>
  );
}

/** The workspace, once the session is known (RequireSession): rendered at once when its chunk is in. */
function WorkspaceRoute() {
  const user = useSessionUser();
  const Loaded = workspaceModule?.WorkspacePage;
  if (Loaded) return <Loaded user={user} />;
  return (
    <Suspense fallback={<Splash text="Loading the workspace…" />}>
      <LazyWorkspacePage user={user} />
    </Suspense>
  );
}

/** Any signed-in API call answered 401: the session expired elsewhere; go to sign-in and say so. */
function SessionExpiry() {
  const client = useQueryClient();
  const navigate = useNavigate();
  useEffect(() => {
    onUnauthorized(() => {
      setSessionUser(client, null);
      void navigate('/signin?reason=expired', { replace: true });
    });
    return () => onUnauthorized(undefined);
  }, [client, navigate]);
  return null;
}

function StatusPage() {
  return (
    <main className="app-main">
      <h1 className="visually-hidden">MarketSwarm system status</h1>
      <StatusPanel />
    </main>
  );
}
