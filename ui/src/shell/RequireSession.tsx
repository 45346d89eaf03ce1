import { createContext, useContext } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import type { UserDto } from '@marketswarm/shared/dto';
import { useSession } from '../auth/session';
import { Splash } from './Splash';
import { UserSettingsEffects } from './UserSettingsEffects';

const SessionUserContext = createContext<UserDto | null>(null);

/** The signed-in user, inside a route under `RequireSession`. */
export function useSessionUser(): UserDto {
  const user = useContext(SessionUserContext);
  if (!user) throw new Error('useSessionUser() outside <RequireSession>');
  return user;
}

/**
 * Layout route of every protected page: wait for the session check, then the page (its child route)
 * with the user in context, or a redirect to sign-in that remembers where the user was going.
 */
export function RequireSession() {
  const { user, isPending, error } = useSession();
  const location = useLocation();
  if (isPending) return <Splash text="Checking your session…" />;
  if (error) return <Splash text={`The server is unreachable: ${error.message}`} role="alert" />;
  if (!user) return <Navigate to="/signin" replace state={{ from: `${location.pathname}${location.search}` }} />;
  return (
    <SessionUserContext.Provider value={user}>
      <UserSettingsEffects user={user} />
      <Outlet />
    </SessionUserContext.Provider>
  );
}
