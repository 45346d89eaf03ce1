import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { UserDto } from '@marketswarm/shared/dto';
import { fetchMe } from './auth-api';

export const SESSION_KEY = ['session', 'me'] as const;

/** The signed-in user (null when signed out); one request per page load, shared by every component. */
export function useSession(): { user: UserDto | null | undefined; isPending: boolean; error: Error | null } {
  const query = useQuery({ queryKey: SESSION_KEY, queryFn: ({ signal }) => fetchMe(signal), staleTime: Infinity, retry: 1 });
  return { user: query.data, isPending: query.isPending, error: query.error };
}

export function setSessionUser(client: QueryClient, user: UserDto | null): void {
  client.setQueryData(SESSION_KEY, user);
}

export function useSetSessionUser(): (user: UserDto | null) => void {
  const client = useQueryClient();
  return useCallback((user: UserDto | null) => setSessionUser(client, user), [client]);
}

/** Why the sign-in page is shown, from `?reason=`. */
export type SignInReason = 'expired' | 'signed-out' | undefined;

export function signInReasonMessage(reason: string | null): string | undefined {
  if (reason === 'expired') return 'Your session expired. Sign in again to continue.';
  if (reason === 'signed-out') return 'You are signed out.';
  return undefined;
}
