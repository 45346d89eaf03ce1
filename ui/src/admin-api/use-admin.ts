import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Role } from '@marketswarm/shared/dto';
import { disableUser, enableUser, endUserSessions, fetchGateways, fetchRecovery, fetchServices, fetchStreams, fetchTruth, fetchUsers, resetRecovery, setUserRole } from './admin-api';

/** The admin page refreshes itself this often: operators watch it, they do not reload it. */
export const ADMIN_REFRESH_MS = 5000;
export const RECOVERY_ROWS = 20;

const KEY = ['admin'] as const;
const live = { refetchInterval: ADMIN_REFRESH_MS, refetchIntervalInBackground: false, retry: false } as const;

export const useAdminServices = () => useQuery({ queryKey: [...KEY, 'services'], queryFn: ({ signal }) => fetchServices(signal), ...live });
export const useAdminTruth = () => useQuery({ queryKey: [...KEY, 'truth'], queryFn: ({ signal }) => fetchTruth(signal), ...live });
export const useAdminStreams = () => useQuery({ queryKey: [...KEY, 'streams'], queryFn: ({ signal }) => fetchStreams(signal), ...live });
export const useAdminGateways = () => useQuery({ queryKey: [...KEY, 'gateways'], queryFn: ({ signal }) => fetchGateways(signal), ...live });
export const useAdminRecovery = () => useQuery({ queryKey: [...KEY, 'recovery'], queryFn: ({ signal }) => fetchRecovery(RECOVERY_ROWS, signal), ...live });
export const useAdminUsers = () => useQuery({ queryKey: [...KEY, 'users'], queryFn: ({ signal }) => fetchUsers(signal), ...live });

/** One account action the admin confirmed. */
export type UserAction = { kind: 'disable' | 'enable' | 'end-sessions'; userId: string } | { kind: 'role'; userId: string; role: Role };

/** Runs an account action, then reloads the accounts (and the gateways: ended sessions close streams). */
export function useUserAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (action: UserAction): Promise<void> => {
      switch (action.kind) {
        case 'disable':
          await disableUser(action.userId);
          return;
        case 'enable':
          await enableUser(action.userId);
          return;
        case 'end-sessions':
          await endUserSessions(action.userId);
          return;
        case 'role':
          await setUserRole(action.userId, action.role);
          return;
      }
    },
    onSettled: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

/** Clears a service's failed mark, then reloads the services (its badge) and the recovery log (the reset's entry). */
export function useRecoveryReset() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (service: string) => resetRecovery(service),
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: [...KEY, 'services'] }), client.invalidateQueries({ queryKey: [...KEY, 'recovery'] })]),
  });
}
