import { lazy, Suspense, useEffect } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { onUnauthorized } from './api/http';
import { AuthPage } from './auth/AuthPage';
import { setSessionUser, useSession } from './auth/session';
import { StatusPanel } from './components/StatusPanel';
import type { WorkspacePage as WorkspacePageComponent } from './workspace/WorkspacePage';

// The workspace and its panels are a separate chunk: the sign-in page loads without them. Anywhere
// else the chunk is fetched at once, alongside the session check, rather than after it.
// Once loaded, it renders directly: a lazy component always suspends on its first render, and
// React holds a Suspense fallback for ~300 ms, which would delay the first live tick by as much.
let workspaceModule: { WorkspacePage: typeof WorkspacePageComponent } | undefined;
const loadWorkspace = () => import('./workspace/WorkspacePage').then((m) => (workspaceModule = m));
if (typeof window !== 'undefined' && !window.location.pathname.startsWith('/sign')) void loadWorkspace();
const LazyWorkspacePage = lazy(() => loadWorkspace().then((m) => ({ default: m.WorkspacePage })));

export function App() {
  return (
    <BrowserRouter>
      <SessionExpiry />
      <Routes>
        <Route path="/signin" element={<AuthPage mode="signin" />} />
        <Route path="/signup" element={<AuthPage mode="signup" />} />
        <Route path="/status" element={<StatusPage />} />
        <Route path="/" element={<RequireSession />} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </BrowserRouter>
  );
}

/** Protected pages: wait for the session check, then the page or a redirect to sign-in. */
function RequireSession() {
  const { user, isPending, error } = useSession();
  const location = useLocation();
  if (isPending) return <Splash text="Checking your session…" />;
  if (error) return <Splash text={`The server is unreachable: ${error.message}`} role="alert" />;
  if (!user) return <Navigate to="/signin" replace state={{ from: location.pathname }} />;
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

function Splash({ text, role }: { text: string; role?: 'alert' }) {
  return (
    <div className="splash" role={role ?? 'status'}>
      {text}
    </div>
  );
}
