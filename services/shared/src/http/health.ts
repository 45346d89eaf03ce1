export interface HealthInfo {
  status: 'ok';
  service: string;
  version: string;
  pid: number;
  uptimeSec: number;
  truthVersion: string | null;
}

export function healthPayload(service: string, version: string, startedAt: number, truthVersion: string | null, now = Date.now()): HealthInfo {
  return { status: 'ok', service, version, pid: process.pid, uptimeSec: Math.round((now - startedAt) / 1000), truthVersion };
}
