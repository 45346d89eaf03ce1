import { lazy, Suspense, useEffect } from 'react';
import { BrowserRouter, Route, Routes, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { onUnauthorized } from './api/http';
import { AuthPage } from './auth/AuthPage';
import { setSessionUser } from './auth/session';
import { StatusPanel } from './components/StatusPanel';
import { JournalLayout } from './shell/JournalLayout';
import { NotFoundPage } from './shell/NotFoundPage';
import { RequireSession, useSessionUser } from './shell/RequireSession';
import { Splash } from './shell/Splash';
import type { WorkspacePage as WorkspacePageComponent } from './workspace/WorkspacePage';

// The workspace and its panels are a separate chunk: the sign-in and journal pages load without them.
// On `/` the chunk is fetched at once, alongside the session check, rather than after it.
// Once loaded, it renders directly: a lazy component always suspends on its first render, and
// React holds a Suspense fallback for ~300 ms, which would delay the first live tick by as much.
let workspaceModule: { WorkspacePage: typeof WorkspacePageComponent } | undefined;
const loadWorkspace = () => import('./workspace/WorkspacePage').then((m) => (workspaceModule = m));
if (typeof window !== 'undefined' && window.location.pathname === '/') void loadWorkspace();
const LazyWorkspacePage = lazy(() => loadWorkspace().then((m) => ({ default: m.WorkspacePage })));

// The journal pages: one lazy chunk each, so neither the workspace nor the sign-in page carries them.
const TradesPage = lazy(() => import('./pages/trades/TradesPage').then((m) => ({ default: m.TradesPage })));
const TradeDetailPage = lazy(() => import('./pages/trade-detail/TradeDetailPage').then((m) => ({ default: m.TradeDetailPage })));
const AnalyticsPage = lazy(() => import('./pages/analytics/AnalyticsPage').then((m) => ({ default: m.AnalyticsPage })));
const ImportPage = lazy(() => import('./pages/import/ImportPage').then((m) => ({ default: m.ImportPage })));
const JournalPage = lazy(() => import('./pages/journal/JournalPage').then((m) => ({ default: m.JournalPage })));
const JournalDayPage = lazy(() => import('./pages/journal/JournalDayPage').then((m) => ({ default: m.JournalDayPage })));
const RetrospectivesPage = lazy(() => import('./pages/journal/RetrospectivesPage').then((m) => ({ default: m.RetrospectivesPage })));
const PlaybookPage = lazy(() => import('./pages/playbook/PlaybookPage').then((m) => ({ default: m.PlaybookPage })));
const AlertsPage = lazy(() => import('./pages/alerts/AlertsPage').then((m) => ({ default: m.AlertsPage })));
const OrdersPage = lazy(() => import('./pages/orders/OrdersPage').then((m) => ({ default: m.OrdersPage })));
const LeaderboardPage = lazy(() => import('./pages/leaderboard/LeaderboardPage').then((m) => ({ default: m.LeaderboardPage })));

export function App() {
  return (
    <BrowserRouter>
      <SessionExpiry />
      <Routes>
        <Route path="/signin" element={<AuthPage mode="signin" />} />
        <Route path="/signup" element={<AuthPage mode="signup" />} />
        <Route path="/status" element={<StatusPage />} />
        <Route element={<RequireSession />}>
          <Route path="/" element={<WorkspaceRoute />} />
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
      <StatusPanel />
    </main>
  );
}
