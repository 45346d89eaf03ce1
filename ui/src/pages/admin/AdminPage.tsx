import { useEffect, useState } from 'react';
import { errorText } from '../../journal-pages-api/query';
import { useSessionUser } from '../../shell/RequireSession';
import { ADMIN_REFRESH_MS, useAdminGateways, useAdminRecovery, useAdminServices, useAdminStreams, useAdminTruth, useAdminUsers } from '../../admin-api/use-admin';
import { GatewaysSection } from './GatewaysSection';
import { RecoverySection } from './RecoverySection';
import { ServicesSection } from './ServicesSection';
import { StreamsSection } from './StreamsSection';
import { TruthSection } from './TruthSection';
import { UsersSection } from './UsersSection';
import '../journal/journal-pages.css';
import './admin.css';

const failure = (error: Error | null) => (error ? errorText(error) : undefined);

/** `/admin`: the operators' page. A trader who opens it is told it is for admins, and nothing is requested. */
export function AdminPage() {
  const user = useSessionUser();
  if (user.role !== 'admin') return <AdminsOnly />;
  return <AdminDashboard selfId={user.id} />;
}

export function AdminsOnly() {
  return (
    <div className="jp-page" data-testid="admin-only">
      <h1>Admins only</h1>
      <p>This page is for operators with the admin role. Ask an admin if you need access.</p>
    </div>
  );
}

function AdminDashboard({ selfId }: { selfId: string }) {
  const services = useAdminServices();
  const truth = useAdminTruth();
  const streams = useAdminStreams();
  const gateways = useAdminGateways();
  const users = useAdminUsers();
  const recovery = useAdminRecovery();
  const now = useNow(ADMIN_REFRESH_MS);
  return (
    <div className="jp-page admin-page" data-testid="admin-page">
      <div className="jp-toolbar">
        <h1>Admin</h1>
        <span className="jp-spacer" />
        <span className="jp-empty">Refreshes every {ADMIN_REFRESH_MS / 1000} s</span>
      </div>
      <ServicesSection view={services.data} error={failure(services.error)} now={now} />
      <div className="jp-columns">
        <GatewaysSection view={gateways.data} error={failure(gateways.error)} />
        <TruthSection view={truth.data} error={failure(truth.error)} />
      </div>
      <StreamsSection view={streams.data} error={failure(streams.error)} />
      <UsersSection view={users.data} error={failure(users.error)} selfId={selfId} />
      <RecoverySection view={recovery.data} error={failure(recovery.error)} />
    </div>
  );
}

/** The clock, ticking with the refresh, so "reported … ago" ages between refreshes too. */
function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
