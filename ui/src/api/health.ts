import type { HealthInfo } from '@marketswarm/shared/http';
import { ApiError, getJson } from './http';

export type { HealthInfo };

/** The gateway's health, which nginx routes from the same origin. */
export function fetchHealth(signal?: AbortSignal): Promise<HealthInfo> {
  return getJson('/api/health', parseHealth, signal);
}

/** Checks the fields the UI shows; an answer without them is an error, not a half-drawn panel. */
export function parseHealth(body: unknown): HealthInfo {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const problems: string[] = [];
  if (b['status'] !== 'ok') problems.push('status');
  if (typeof b['service'] !== 'string') problems.push('service');
  if (typeof b['version'] !== 'string') problems.push('version');
  if (typeof b['pid'] !== 'number') problems.push('pid');
  if (typeof b['uptimeSec'] !== 'number') problems.push('uptimeSec');
  if (b['truthVersion'] !== null && typeof b['truthVersion'] !== 'string') problems.push('truthVersion');
  if (problems.length > 0) throw new ApiError(200, `/api/health answered an unexpected body (${problems.join(', ')})`);
  return b as unknown as HealthInfo;
}
