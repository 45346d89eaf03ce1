import { useState } from 'react';
import { roleSchema, type AdminUser, type AdminUsersView, type Role } from '@marketswarm/shared/dto';
import { ErrorLine } from '../../components/page-feedback';
import { errorText } from '../../journal-pages-api/query';
import { useUserAction, type UserAction } from '../../admin-api/use-admin';
import { AdminSection, ConfirmBar, StatusBadge } from './AdminSection';

/** What the confirmation asks, and what its confirm button says, per action. */
export function confirmWording(action: UserAction, user: Pick<AdminUser, 'email'>): { question: string; button: string } {
  switch (action.kind) {
    case 'disable':
      return { question: `Disable ${user.email}? They cannot sign in, and their sessions end now.`, button: `Disable ${user.email}` };
    case 'enable':
      return { question: `Enable ${user.email}? They can sign in again.`, button: `Enable ${user.email}` };
    case 'end-sessions':
      return { question: `End every session of ${user.email}? Their open pages must sign in again.`, button: `End sessions of ${user.email}` };
    case 'role':
      return { question: `Make ${user.email} ${action.role === 'admin' ? 'an admin' : 'a trader'}?`, button: `Make ${user.email} ${action.role}` };
  }
}

export interface UsersViewProps {
  view: AdminUsersView | undefined;
  error: string | undefined;
  /** The signed-in admin: their own row offers no disable and no role change. */
  selfId: string;
  pending: UserAction | null;
  busy: boolean;
  actionError: string | undefined;
  onAsk: (action: UserAction) => void;
  onConfirm: () => void;
  onCancel: () => void;
}

export function UsersView({ view, error, selfId, pending, busy, actionError, onAsk, onConfirm, onCancel }: UsersViewProps) {
  const target = pending ? view?.users.find((u) => u.id === pending.userId) : undefined;
  const wording = pending && target ? confirmWording(pending, target) : undefined;
  return (
    <AdminSection id="users" title="Users" error={error} loading={!view}>
      <ErrorLine error={actionError} />
      {wording && (
        <ConfirmBar label="Confirm the account change" testId="admin-user-confirm" question={wording.question} confirmText={wording.button} busy={busy} onConfirm={onConfirm} onCancel={onCancel} />
      )}
      {view && (
        <div className="admin-scroll">
          <table className="jp-table">
            <caption className="visually-hidden">Accounts with their role, state and live sessions</caption>
            <thead>
              <tr>
                <th scope="col">Email</th>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">State</th>
                <th scope="col" className="num">Sessions</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {view.users.map((u) => {
                const self = u.id === selfId;
                return (
                  <tr key={u.id} data-testid="admin-user-row" data-email={u.email} data-disabled={u.disabled} data-role={u.role}>
                    <th scope="row">
                      {u.email}
                      {self && <span className="admin-sub">you</span>}
                    </th>
                    <td>{u.displayName}</td>
                    <td>
                      <select
                        aria-label={`Role of ${u.email}`}
                        value={u.role}
                        disabled={self || busy}
                        title={self ? 'Another admin must change your role' : undefined}
                        onChange={(e) => {
                          const role = roleSchema.safeParse(e.target.value);
                          if (role.success && role.data !== u.role) onAsk({ kind: 'role', userId: u.id, role: role.data satisfies Role });
                        }}
                      >
                        {roleSchema.options.map((r) => (
                          <option key={r} value={r}>
                            {r}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      <StatusBadge tone={u.disabled ? 'bad' : 'ok'}>{u.disabled ? 'disabled' : 'active'}</StatusBadge>
                    </td>
                    <td className="num">{u.sessions}</td>
                    <td className="admin-actions">
                      {u.disabled ? (
                        <button type="button" aria-label={`Enable ${u.email}`} disabled={busy} onClick={() => onAsk({ kind: 'enable', userId: u.id })}>
                          Enable
                        </button>
                      ) : (
                        <button type="button" aria-label={`Disable ${u.email}`} disabled={busy || self} title={self ? 'Another admin must disable your account' : undefined} onClick={() => onAsk({ kind: 'disable', userId: u.id })}>
                          Disable
                        </button>
                      )}
                      <button type="button" aria-label={`End sessions of ${u.email}`} disabled={busy || u.sessions === 0} onClick={() => onAsk({ kind: 'end-sessions', userId: u.id })}>
                        End sessions
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </AdminSection>
  );
}

/** The accounts with their actions, each asked for confirmation first. */
export function UsersSection({ view, error, selfId }: Pick<UsersViewProps, 'view' | 'error' | 'selfId'>) {
  const [pending, setPending] = useState<UserAction | null>(null);
  const action = useUserAction();
  return (
    <UsersView
      view={view}
      error={error}
      selfId={selfId}
      pending={pending}
      busy={action.isPending}
      actionError={action.error ? errorText(action.error) : undefined}
      onAsk={(next) => {
        action.reset();
        setPending(next);
      }}
      onConfirm={() => {
        if (!pending) return;
        action.mutate(pending, { onSettled: () => setPending(null) });
      }}
      onCancel={() => setPending(null)}
    />
  );
}
