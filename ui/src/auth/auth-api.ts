import { demoLoginSchema, userResponseSchema, type DemoLogin, type LoginBody, type ProfilePatch, type UserDto } from '@marketswarm/shared/dto';
import { ApiError, getJson, sendJson } from '../api/http';

const user = (body: unknown): UserDto => userResponseSchema.parse(body).user;

/** The signed-in user, or null without a live session. */
export async function fetchMe(signal?: AbortSignal): Promise<UserDto | null> {
  try {
    return await getJson('/api/auth/me', user, signal);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export const signIn = (body: LoginBody): Promise<UserDto> => sendJson('POST', '/api/auth/login', body, user);
export const signUp = (body: LoginBody): Promise<UserDto> => sendJson('POST', '/api/auth/register', body, user);
export const signOut = (): Promise<void> => sendJson('POST', '/api/auth/logout', undefined, () => undefined);
export const patchProfile = (patch: ProfilePatch): Promise<UserDto> => sendJson('PATCH', '/api/profile', patch, user);

/** The local stack's demo login; null anywhere else (the gateway answers 404). */
export async function fetchDemoLogin(): Promise<DemoLogin | null> {
  try {
    return await getJson('/api/auth/demo', (b) => demoLoginSchema.parse(b));
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/** What a stream's reconnect needs to know: is the session still there? */
export async function checkSession(): Promise<'ok' | 'signed-out' | 'unreachable'> {
  try {
    return (await fetchMe()) ? 'ok' : 'signed-out';
  } catch {
    return 'unreachable';
  }
}
