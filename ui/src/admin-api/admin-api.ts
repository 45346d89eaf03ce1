import {
  adminTruthViewSchema,
  adminUserResponseSchema,
  adminUsersViewSchema,
  endedSessionsSchema,
  gatewaysViewSchema,
  recoveryResetSchema,
  recoveryViewSchema,
  servicesViewSchema,
  streamsViewSchema,
  type AdminTruthView,
  type AdminUser,
  type AdminUsersView,
  type GatewaysView,
  type RecoveryReset,
  type RecoveryView,
  type Role,
  type ServicesView,
  type StreamsView,
} from '@marketswarm/shared/dto';
import { getJson, sendJson } from '../api/http';

/** The operator views and account actions of the gateway (`/api/admin/*`, docs/API.md "Admin"). */
const BASE = '/api/admin';
const userPath = (id: string, tail: string): string => `${BASE}/users/${encodeURIComponent(id)}${tail}`;

export const fetchServices = (signal?: AbortSignal): Promise<ServicesView> => getJson(`${BASE}/services`, (b) => servicesViewSchema.parse(b), signal);
export const fetchTruth = (signal?: AbortSignal): Promise<AdminTruthView> => getJson(`${BASE}/truth`, (b) => adminTruthViewSchema.parse(b), signal);
export const fetchStreams = (signal?: AbortSignal): Promise<StreamsView> => getJson(`${BASE}/streams`, (b) => streamsViewSchema.parse(b), signal);
export const fetchGateways = (signal?: AbortSignal): Promise<GatewaysView> => getJson(`${BASE}/gateways`, (b) => gatewaysViewSchema.parse(b), signal);
export const fetchRecovery = (limit: number, signal?: AbortSignal): Promise<RecoveryView> => getJson(`${BASE}/recovery?limit=${limit}`, (b) => recoveryViewSchema.parse(b), signal);
export const fetchUsers = (signal?: AbortSignal): Promise<AdminUsersView> => getJson(`${BASE}/users`, (b) => adminUsersViewSchema.parse(b), signal);

export const disableUser = (id: string): Promise<AdminUser> => sendJson('POST', userPath(id, '/disable'), undefined, (b) => adminUserResponseSchema.parse(b).user);
export const enableUser = (id: string): Promise<AdminUser> => sendJson('POST', userPath(id, '/enable'), undefined, (b) => adminUserResponseSchema.parse(b).user);
export const setUserRole = (id: string, role: Role): Promise<AdminUser> => sendJson('POST', userPath(id, '/role'), { role }, (b) => adminUserResponseSchema.parse(b).user);
export const endUserSessions = (id: string): Promise<number> => sendJson('DELETE', userPath(id, '/sessions'), undefined, (b) => endedSessionsSchema.parse(b).ended);

/** Clears a service's failed mark and restart count, so the watch may restart it again; `service` is an id or a pm2 name. */
export const resetRecovery = (service: string): Promise<RecoveryReset> =>
  sendJson('POST', `${BASE}/recovery/${encodeURIComponent(service)}/reset`, undefined, (b) => recoveryResetSchema.parse(b));
